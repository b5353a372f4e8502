import type { FeatureCollection } from 'geojson'
import type { MapLayerMouseEvent } from 'maplibre-gl'
import type { Annotation } from '../../../server/boards/board-document'
import { maplibregl } from './maplibre'

const SOURCE = 'annotations'
const AREA_FILL = 'annotation-area-fill'
const AREA_LINE = 'annotation-area-line'
const ROUTE_LINE = 'annotation-route-line'
const CLICKABLE_LAYERS = [AREA_FILL, ROUTE_LINE]

export interface AnnotationOverlay {
  update(annotations: readonly Annotation[], selectedId: string | null): void
  remove(): void
}

/**
 * Draws a board's annotations: routes and areas as GeoJSON layers, pins
 * and labels as HTML markers, so that they are buttons a keyboard reaches
 * and carry their text without glyphs from a font server.
 */
export function showAnnotations(
  map: maplibregl.Map,
  onSelect: (id: string) => void,
): AnnotationOverlay {
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] }
  map.addSource(SOURCE, { type: 'geojson', data: empty })
  map.addLayer({
    id: AREA_FILL,
    type: 'fill',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.22 },
  })
  map.addLayer({
    id: AREA_LINE,
    type: 'line',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: {
      'line-color': ['get', 'colour'],
      'line-width': ['case', ['get', 'isSelected'], 4, 2],
    },
  })
  map.addLayer({
    id: ROUTE_LINE,
    type: 'line',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'LineString'],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': ['get', 'colour'],
      'line-width': ['case', ['get', 'isSelected'], 6, 3.5],
    },
  })
  const markers = new Map<string, { marker: maplibregl.Marker; key: string }>()

  const onLayerClick = (event: MapLayerMouseEvent) => {
    const id = event.features?.[0]?.properties?.id
    if (typeof id === 'string') onSelect(id)
  }
  for (const layer of CLICKABLE_LAYERS) map.on('click', layer, onLayerClick)

  return {
    update(annotations, selectedId) {
      const shapes = annotations.filter((a) => a.geometry.type !== 'Point')
      const source = map.getSource<maplibregl.GeoJSONSource>(SOURCE)
      source?.setData({
        type: 'FeatureCollection',
        features: shapes.map((annotation) => ({
          ...annotation,
          properties: {
            ...annotation.properties,
            id: annotation.id,
            isSelected: annotation.id === selectedId,
          },
        })),
      })
      const points = annotations.filter((a) => a.geometry.type === 'Point')
      syncMarkers(map, markers, points, selectedId, onSelect)
    },
    remove() {
      for (const layer of CLICKABLE_LAYERS) {
        map.off('click', layer, onLayerClick)
      }
      for (const { marker } of markers.values()) marker.remove()
      markers.clear()
      for (const layer of [ROUTE_LINE, AREA_LINE, AREA_FILL]) {
        if (map.getLayer(layer)) map.removeLayer(layer)
      }
      if (map.getSource(SOURCE)) map.removeSource(SOURCE)
    },
  }
}

function syncMarkers(
  map: maplibregl.Map,
  markers: Map<string, { marker: maplibregl.Marker; key: string }>,
  points: readonly Annotation[],
  selectedId: string | null,
  onSelect: (id: string) => void,
): void {
  const wanted = new Set(points.map((point) => point.id))
  for (const [id, { marker }] of markers) {
    if (wanted.has(id)) continue
    marker.remove()
    markers.delete(id)
  }

  for (const point of points) {
    if (point.geometry.type !== 'Point') continue
    const isSelected = point.id === selectedId
    // Rebuilt only when what it shows changed, so that focus stays put.
    const key = JSON.stringify([point.geometry, point.properties, isSelected])
    const existing = markers.get(point.id)
    if (existing?.key === key) continue
    existing?.marker.remove()

    const element = markerElement(point, isSelected, () => onSelect(point.id))
    const marker = new maplibregl.Marker({
      element,
      anchor: point.properties.kind === 'pin' ? 'bottom' : 'center',
    })
      .setLngLat(point.geometry.coordinates)
      .addTo(map)
    markers.set(point.id, { marker, key })
  }
}

function markerElement(
  annotation: Annotation,
  isSelected: boolean,
  onClick: () => void,
): HTMLElement {
  const { kind, text, colour, authorName } = annotation.properties
  const button = document.createElement('button')
  button.type = 'button'
  button.className = `annotation-marker annotation-marker-${kind}`
  button.dataset.annotationId = annotation.id
  button.style.setProperty('--annotation-colour', colour)
  button.setAttribute('aria-pressed', String(isSelected))
  const name = kind === 'pin' ? 'Pin' : 'Label'
  button.setAttribute(
    'aria-label',
    `${name}${text ? `: ${text}` : ''}, by ${authorName}`,
  )
  if (kind === 'label') {
    button.textContent = text || 'Label'
  } else {
    // MapLibre positions the marker with its own transform, so the pin's
    // shape is turned inside it rather than on the marker itself.
    const shape = document.createElement('span')
    shape.className = 'annotation-pin-shape'
    const caption = document.createElement('span')
    caption.className = 'annotation-marker-caption'
    caption.textContent = text
    caption.hidden = !text
    button.append(shape, caption)
  }
  button.addEventListener('click', (event) => {
    // The map under the marker must not take the click as its own.
    event.stopPropagation()
    onClick()
  })

  return button
}

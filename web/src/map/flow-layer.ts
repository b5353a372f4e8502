import type { Feature, FeatureCollection, LineString } from 'geojson'
import type { CountryFeature } from './country-codes'
import { anchorOf } from './country-codes'
import type { maplibregl } from './maplibre'

const SOURCE = 'analysis-flows'
const SHOWN_LAYER = 'analysis-flows-shown'
const WITHHELD_LAYER = 'analysis-flows-withheld'
const ARC_STEPS = 32
const MIN_WIDTH_PX = 1.5
const MAX_WIDTH_PX = 12

export interface FlowLegInput {
  from: string
  to: string
  persons: number | null
  isSuppressed: boolean
}

export interface FlowOverlay {
  update(legs: readonly FlowLegInput[]): void
  remove(): void
}

/**
 * Flow legs as arcs between countries, wider for more persons and shaded
 * from pale at the start to dark at the end, so the direction reads
 * without arrowheads. Withheld legs are thin dashed lines: their route is
 * shown, never their size.
 */
export function showFlows(
  map: maplibregl.Map,
  countries: ReadonlyMap<string, CountryFeature>,
  beforeLayerId?: string,
): FlowOverlay {
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] }
  map.addSource(SOURCE, { type: 'geojson', data: empty, lineMetrics: true })
  const before =
    beforeLayerId && map.getLayer(beforeLayerId) ? beforeLayerId : undefined
  map.addLayer(
    {
      id: WITHHELD_LAYER,
      type: 'line',
      source: SOURCE,
      filter: ['==', ['get', 'isSuppressed'], true],
      paint: {
        'line-color': '#868e96',
        'line-width': MIN_WIDTH_PX,
        'line-dasharray': [2, 2],
      },
    },
    before,
  )
  map.addLayer(
    {
      id: SHOWN_LAYER,
      type: 'line',
      source: SOURCE,
      filter: ['==', ['get', 'isSuppressed'], false],
      layout: { 'line-cap': 'round' },
      paint: {
        'line-width': ['get', 'widthPx'],
        'line-opacity': 0.85,
        'line-gradient': [
          'interpolate',
          ['linear'],
          ['line-progress'],
          0,
          '#ffc9c9',
          1,
          '#a61e4d',
        ],
      },
    },
    before,
  )

  return {
    update(legs) {
      const largest = Math.max(1, ...legs.map((leg) => leg.persons ?? 0))
      const features = legs.flatMap((leg): Feature<LineString>[] => {
        const from = countries.get(leg.from)
        const to = countries.get(leg.to)
        if (!from || !to || leg.from === leg.to) return []
        const share = (leg.persons ?? 0) / largest
        return [
          {
            type: 'Feature',
            geometry: {
              type: 'LineString',
              coordinates: arc(anchorOf(from), anchorOf(to)),
            },
            properties: {
              isSuppressed: leg.isSuppressed,
              widthPx: MIN_WIDTH_PX + (MAX_WIDTH_PX - MIN_WIDTH_PX) * share,
            },
          },
        ]
      })
      map
        .getSource<maplibregl.GeoJSONSource>(SOURCE)
        ?.setData({ type: 'FeatureCollection', features })
    },
    remove() {
      for (const layer of [SHOWN_LAYER, WITHHELD_LAYER]) {
        if (map.getLayer(layer)) map.removeLayer(layer)
      }
      if (map.getSource(SOURCE)) map.removeSource(SOURCE)
    },
  }
}

/** A gentle curve from `from` to `to`, bowed to the left of travel. */
export function arc(
  from: [number, number],
  to: [number, number],
): [number, number][] {
  const [x1, y1] = from
  const [x2, y2] = to
  const bow = 0.2
  const controlX = (x1 + x2) / 2 - (y2 - y1) * bow
  const controlY = (y1 + y2) / 2 + (x2 - x1) * bow
  const points: [number, number][] = []
  for (let step = 0; step <= ARC_STEPS; step++) {
    const t = step / ARC_STEPS
    const u = 1 - t
    points.push([
      u * u * x1 + 2 * u * t * controlX + t * t * x2,
      u * u * y1 + 2 * u * t * controlY + t * t * y2,
    ])
  }

  return points
}

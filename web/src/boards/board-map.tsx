import { type Accessor, createEffect, createSignal, onCleanup } from 'solid-js'
import type { Annotation, MapView } from '../../../server/boards/board-document'
import {
  type AnnotationOverlay,
  showAnnotations,
} from '../map/annotation-layers'
import { type CursorOverlay, showCursors } from '../map/cursor-markers'
import {
  addDrawControl,
  type DrawControl,
  type DrawnGeometry,
} from '../map/draw-control'
import type { maplibregl } from '../map/maplibre'
import { WorldMap } from '../map/world-map'
import type { Participant } from './presence'
import type { DrawingTool } from './tools'

export interface BoardMapProps {
  annotations: Accessor<Annotation[]>
  selectedId: Accessor<string | null>
  onSelect: (id: string | null) => void
  participants: Accessor<Participant[]>
  tool: Accessor<DrawingTool | null>
  onDrawn: (geometry: DrawnGeometry) => void
  /** The board's shared view: the map moves there once, when known. */
  initialView: Accessor<MapView | null>
  /** A view to move to, e.g. the presenter's; null leaves the map alone. */
  followedView: Accessor<MapView | null>
  onCursor: (position: [number, number] | null) => void
  onViewChanged: (view: MapView) => void
  /** Called once the map is ready, for overlays owned by others. */
  onMap?: (map: maplibregl.Map | null) => void
}

/**
 * The board's map: annotations, other people's cursors and the drawing
 * tools on the shared basemap. Every listener added here is removed before
 * the map goes.
 */
export function BoardMap(props: BoardMapProps) {
  const [map, setMap] = createSignal<maplibregl.Map | null>(null)
  let annotationOverlay: AnnotationOverlay | null = null
  let cursorOverlay: CursorOverlay | null = null
  let drawControl: DrawControl | null = null
  let pendingCursorFrame = 0
  let lastPointer: [number, number] | null = null

  const onMouseMove = (event: maplibregl.MapMouseEvent) => {
    lastPointer = [event.lngLat.lng, event.lngLat.lat]
    if (pendingCursorFrame) return
    // One awareness message per frame at most, however fast the pointer.
    pendingCursorFrame = requestAnimationFrame(() => {
      pendingCursorFrame = 0
      props.onCursor(lastPointer)
    })
  }
  const onMouseOut = () => props.onCursor(null)
  const onMoveEnd = () => {
    const current = map()
    if (current) props.onViewChanged(currentView(current))
  }
  const onMapClick = (event: maplibregl.MapMouseEvent) => {
    if (props.tool()) return
    const current = map()
    const hits = current?.queryRenderedFeatures(event.point, {
      layers: ['annotation-area-fill', 'annotation-route-line'],
    })
    if (!hits?.length) props.onSelect(null)
  }

  const attach = (ready: maplibregl.Map) => {
    annotationOverlay = showAnnotations(ready, (id) => props.onSelect(id))
    cursorOverlay = showCursors(ready)
    drawControl = addDrawControl(ready, (geometry) => props.onDrawn(geometry))
    ready.on('mousemove', onMouseMove)
    ready.on('mouseout', onMouseOut)
    ready.on('moveend', onMoveEnd)
    ready.on('click', onMapClick)
    setMap(ready)
    props.onMap?.(ready)
    // Others see where one is looking from the start, not from one's first
    // move: a presenter's followers go there at once.
    props.onViewChanged(currentView(ready))
  }

  const detach = () => {
    const current = map()
    if (!current) return
    props.onMap?.(null)
    current.off('mousemove', onMouseMove)
    current.off('mouseout', onMouseOut)
    current.off('moveend', onMoveEnd)
    current.off('click', onMapClick)
    cancelAnimationFrame(pendingCursorFrame)
    drawControl?.remove()
    cursorOverlay?.remove()
    annotationOverlay?.remove()
    drawControl = null
    cursorOverlay = null
    annotationOverlay = null
    setMap(null)
  }
  onCleanup(detach)

  createEffect(() => {
    if (map())
      annotationOverlay?.update(props.annotations(), props.selectedId())
  })
  createEffect(() => {
    if (!map()) return
    cursorOverlay?.update(
      props.participants().flatMap((participant) =>
        participant.isSelf || !participant.cursor
          ? []
          : [
              {
                clientId: participant.clientId,
                name: participant.user.name,
                colour: participant.user.colour,
                position: participant.cursor,
              },
            ],
      ),
    )
  })
  createEffect(() => {
    if (map()) drawControl?.setShape(props.tool()?.shape ?? null)
  })
  let hasOpenedAtSharedView = false
  createEffect(() => {
    const current = map()
    const view = props.initialView()
    if (!current || !view || hasOpenedAtSharedView) return
    hasOpenedAtSharedView = true
    current.jumpTo(view)
  })
  createEffect(() => {
    const current = map()
    const view = props.followedView()
    if (current && view) current.easeTo({ ...view, duration: 400 })
  })

  return <WorldMap label="Board map" onReady={attach} onRemove={detach} />
}

/** Where a map is looking, as the board document and awareness keep it. */
export function currentView(map: maplibregl.Map): MapView {
  const center = map.getCenter()

  return {
    center: [center.lng, center.lat],
    zoom: map.getZoom(),
    bearing: map.getBearing(),
  }
}

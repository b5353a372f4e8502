import type { AnnotationKind } from '../../../server/boards/board-document'
import type { DrawnShape } from '../map/draw-control'

/** A drawing tool: the kind of annotation it makes and how it is drawn. */
export interface DrawingTool {
  kind: AnnotationKind
  shape: DrawnShape
  label: string
  hint: string
}

export const DRAWING_TOOLS: readonly DrawingTool[] = [
  {
    kind: 'pin',
    shape: 'point',
    label: 'Pin',
    hint: 'Click the map where the pin goes.',
  },
  {
    kind: 'route',
    shape: 'line',
    label: 'Route',
    hint: 'Click each stop of the route; press Enter or click the last stop again to finish.',
  },
  {
    kind: 'area',
    shape: 'polygon',
    label: 'Area',
    hint: 'Click the corners of the area; click the first corner or press Enter to close it.',
  },
  {
    kind: 'label',
    shape: 'point',
    label: 'Label',
    hint: 'Click the map where the label goes, then type its text.',
  },
]

import { type Accessor, createSignal, onCleanup } from 'solid-js'
import type * as Y from 'yjs'
import {
  boardDocument,
  type MapView,
} from '../../../server/boards/board-document'

const PRESENTER_KEY = 'presenterId'

/** The id of the person presenting the board, or null. */
export function usePresenterId(doc: Y.Doc): Accessor<string | null> {
  const { view } = boardDocument(doc)
  const read = () => {
    const id = view.get(PRESENTER_KEY)
    return typeof id === 'string' ? id : null
  }
  const [presenterId, setPresenterId] = createSignal(read())
  const onChange = () => setPresenterId(read())
  view.observe(onChange)
  onCleanup(() => view.unobserve(onChange))

  return presenterId
}

export function startPresenting(doc: Y.Doc, userId: string): void {
  boardDocument(doc).view.set(PRESENTER_KEY, userId)
}

export function stopPresenting(doc: Y.Doc): void {
  boardDocument(doc).view.delete(PRESENTER_KEY)
}

/** The board's shared view: where it opens, kept by whoever presents. */
export function readSharedView(doc: Y.Doc): MapView | null {
  const { view } = boardDocument(doc)
  const center = view.get('center')
  const zoom = view.get('zoom')
  if (!Array.isArray(center) || typeof zoom !== 'number') return null
  const [lng, lat] = center
  if (typeof lng !== 'number' || typeof lat !== 'number') return null
  const bearing = view.get('bearing')

  return {
    center: [lng, lat],
    zoom,
    bearing: typeof bearing === 'number' ? bearing : 0,
  }
}

export function writeSharedView(doc: Y.Doc, next: MapView): void {
  const { view } = boardDocument(doc)
  doc.transact(() => {
    view.set('center', next.center)
    view.set('zoom', next.zoom)
    view.set('bearing', next.bearing)
  })
}

import * as Y from 'yjs'

/**
 * The layout of a board's Yjs document, shared by the server (seeding,
 * versions) and the web app (editing). Only `yjs` is imported here, so the
 * browser bundle can use this module as it is.
 *
 * Top-level types:
 * - `view`: Y.Map of the shared map view (`center`, `zoom`, `bearing`)
 *   and `presenterId` while a coordinator presents;
 * - `filters`: Y.Map of filter name → value, shared by every analysis card;
 * - `annotations`: Y.Map of id → GeoJSON Feature (pin, route, area,
 *   label) whose properties carry text, colour, author;
 * - `cards`: Y.Map of id → analysis card (a query and how it is shown);
 * - `cardOrder`: Y.Array of card ids, in reading order;
 * - `threads`: Y.Map of id → Y.Map { anchor, isResolved, comments:
 *   Y.Array<Comment> }, so that concurrent replies all land;
 * - `narrative`: Y.Text, the board's written account.
 */
export const BOARD_TYPES = {
  view: 'map',
  filters: 'map',
  annotations: 'map',
  cards: 'map',
  cardOrder: 'array',
  threads: 'map',
  narrative: 'text',
} as const

export type BoardTypeName = keyof typeof BOARD_TYPES

export type AnnotationKind = 'pin' | 'route' | 'area' | 'label'

/** Properties of an annotation Feature. */
export interface AnnotationProperties {
  kind: AnnotationKind
  text: string
  /** A CSS colour, e.g. `#d9480f`. */
  colour: string
  authorId: string
  authorName: string
  createdAt: string
}

export interface Annotation {
  type: 'Feature'
  id: string
  geometry:
    | { type: 'Point'; coordinates: [number, number] }
    | { type: 'LineString'; coordinates: [number, number][] }
    | { type: 'Polygon'; coordinates: [number, number][][] }
  properties: AnnotationProperties
}

export type AnalysisKind = 'trend' | 'flow' | 'indicator-map'

export interface AnalysisCard {
  id: string
  title: string
  kind: AnalysisKind
  /** The analysis query (dimensions, period); filters are added to it. */
  query: Record<string, unknown>
  /** How the result is shown, e.g. `{ chart: 'line' }`. */
  display: Record<string, unknown>
  authorId: string
}

export interface Comment {
  id: string
  authorId: string
  authorName: string
  text: string
  createdAt: string
}

export interface MapView {
  center: [number, number]
  zoom: number
  bearing: number
}

/** Typed access to the top-level types of a board document. */
export function boardDocument(doc: Y.Doc) {
  return {
    view: doc.getMap<unknown>('view'),
    filters: doc.getMap<unknown>('filters'),
    annotations: doc.getMap<Annotation>('annotations'),
    cards: doc.getMap<AnalysisCard>('cards'),
    cardOrder: doc.getArray<string>('cardOrder'),
    threads: doc.getMap<Y.Map<unknown>>('threads'),
    narrative: doc.getText('narrative'),
  }
}

/** Starts a comment thread, anchored to an annotation or card id. */
export function addThread(
  doc: Y.Doc,
  threadId: string,
  anchor: string | null,
  first: Comment,
): void {
  const thread = new Y.Map<unknown>()
  const comments = new Y.Array<Comment>()
  comments.push([first])
  thread.set('anchor', anchor)
  thread.set('isResolved', false)
  thread.set('comments', comments)
  boardDocument(doc).threads.set(threadId, thread)
}

/**
 * Makes `target`'s content equal to `source`'s, as ordinary changes of
 * `target`: everyone connected sees a restore as one more edit. Each
 * top-level type of the layout is cleared and filled again.
 */
export function replaceBoardContent(target: Y.Doc, source: Y.Doc): void {
  target.transact(() => {
    for (const [name, kind] of Object.entries(BOARD_TYPES)) {
      switch (kind) {
        case 'map':
          copyMap(source.getMap(name), target.getMap(name))
          break
        case 'array': {
          const into = target.getArray(name)
          into.delete(0, into.length)
          into.push(source.getArray(name).toArray().map(cloneValue))
          break
        }
        case 'text': {
          const into = target.getText(name)
          into.delete(0, into.length)
          into.applyDelta(source.getText(name).toDelta())
          break
        }
      }
    }
  })
}

function copyMap(from: Y.Map<unknown>, into: Y.Map<unknown>): void {
  for (const key of [...into.keys()]) {
    if (!from.has(key)) into.delete(key)
  }
  for (const [key, value] of from.entries()) {
    into.set(key, cloneValue(value))
  }
}

function cloneValue(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const copy = new Y.Map<unknown>()
    for (const [key, inner] of value.entries()) copy.set(key, cloneValue(inner))
    return copy
  }
  if (value instanceof Y.Array) {
    const copy = new Y.Array<unknown>()
    copy.push(value.toArray().map(cloneValue))
    return copy
  }
  if (value instanceof Y.Text) {
    const copy = new Y.Text()
    copy.applyDelta(value.toDelta())
    return copy
  }

  return value
}

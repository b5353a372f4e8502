import { type Accessor, createSignal, onCleanup } from 'solid-js'
import type * as Y from 'yjs'
import {
  type Annotation,
  type AnnotationKind,
  boardDocument,
} from '../../../server/boards/board-document'

export type AnnotationGeometry = Annotation['geometry']

export const ANNOTATION_KIND_LABELS: Record<AnnotationKind, string> = {
  pin: 'Pin',
  route: 'Route',
  area: 'Area',
  label: 'Label',
}

/** Colours offered for annotations: distinct, and legible on the basemap. */
export const ANNOTATION_COLOURS = [
  { value: '#d9480f', name: 'Orange' },
  { value: '#c2255c', name: 'Crimson' },
  { value: '#5f3dc4', name: 'Violet' },
  { value: '#1971c2', name: 'Blue' },
  { value: '#2b8a3e', name: 'Green' },
  { value: '#343a40', name: 'Charcoal' },
] as const

/** The board's annotations as a signal that follows every change. */
export function useAnnotations(doc: Y.Doc): Accessor<Annotation[]> {
  const { annotations } = boardDocument(doc)
  const [list, setList] = createSignal(readAll(annotations))
  const onChange = () => setList(readAll(annotations))
  annotations.observe(onChange)
  onCleanup(() => annotations.unobserve(onChange))

  return list
}

function readAll(annotations: Y.Map<Annotation>): Annotation[] {
  return [...annotations.values()].sort((a, b) =>
    a.properties.createdAt.localeCompare(b.properties.createdAt),
  )
}

export interface Author {
  id: string
  name: string
}

export function addAnnotation(
  doc: Y.Doc,
  input: {
    kind: AnnotationKind
    geometry: AnnotationGeometry
    colour: string
    author: Author
  },
): string {
  const id = crypto.randomUUID()
  const annotation: Annotation = {
    type: 'Feature',
    id,
    geometry: input.geometry,
    properties: {
      kind: input.kind,
      text: '',
      colour: input.colour,
      authorId: input.author.id,
      authorName: input.author.name,
      createdAt: new Date().toISOString(),
    },
  }
  boardDocument(doc).annotations.set(id, annotation)

  return id
}

/** Changes an annotation's text or colour; its place and author stay. */
export function updateAnnotation(
  doc: Y.Doc,
  id: string,
  changes: { text?: string; colour?: string },
): void {
  const { annotations } = boardDocument(doc)
  const current = annotations.get(id)
  if (!current) return

  annotations.set(id, {
    ...current,
    properties: { ...current.properties, ...changes },
  })
}

/** Removes an annotation and the comment threads anchored to it. */
export function removeAnnotation(doc: Y.Doc, id: string): void {
  const { annotations, threads } = boardDocument(doc)
  doc.transact(() => {
    annotations.delete(id)
    for (const [threadId, thread] of threads.entries()) {
      if (thread.get('anchor') === id) threads.delete(threadId)
    }
  })
}

/** A short name for an annotation in lists and screen readers. */
export function describeAnnotation(annotation: Annotation): string {
  const kind = ANNOTATION_KIND_LABELS[annotation.properties.kind]
  const text = annotation.properties.text.trim()

  return text ? `${kind}: ${text}` : `${kind} (no text yet)`
}

import { type Accessor, For, Show } from 'solid-js'
import type * as Y from 'yjs'
import type { Annotation } from '../../../server/boards/board-document'
import {
  ANNOTATION_COLOURS,
  type Author,
  describeAnnotation,
  removeAnnotation,
  updateAnnotation,
} from './annotations'
import { CommentThreads } from './comment-threads'
import type { ThreadView } from './threads'

const EMPTY_FOR_VIEWERS = 'Nothing has been drawn on this board yet.'
const EMPTY_FOR_EDITORS =
  'Nothing drawn yet. Pick a tool above the map to add a pin, a route, ' +
  'an area or a label.'

interface AnnotationPanelProps {
  doc: Y.Doc
  annotations: Accessor<Annotation[]>
  selectedId: Accessor<string | null>
  onSelect: (id: string | null) => void
  threads: Accessor<ThreadView[]>
  author: Author
  isReadOnly: boolean
}

/** The board's annotations: a list, and the selected one to edit. */
export function AnnotationPanel(props: AnnotationPanelProps) {
  const selected = () =>
    props.annotations().find((a) => a.id === props.selectedId()) ?? null

  return (
    <div class="annotation-panel">
      <Show when={selected()}>
        {(annotation) => (
          <AnnotationEditor
            annotation={annotation()}
            doc={props.doc}
            threads={props.threads}
            author={props.author}
            isReadOnly={props.isReadOnly}
            onClose={() => props.onSelect(null)}
          />
        )}
      </Show>
      <h3 class="panel-subtitle">All annotations</h3>
      <Show
        when={props.annotations().length > 0}
        fallback={
          <p class="panel-empty">
            {props.isReadOnly ? EMPTY_FOR_VIEWERS : EMPTY_FOR_EDITORS}
          </p>
        }
      >
        <ul class="annotation-list" data-testid="annotation-list">
          <For each={props.annotations()}>
            {(annotation) => (
              <li>
                <button
                  type="button"
                  class="annotation-list-item"
                  aria-pressed={annotation.id === props.selectedId()}
                  style={{
                    '--annotation-colour': annotation.properties.colour,
                  }}
                  onClick={() => props.onSelect(annotation.id)}
                >
                  <span class="annotation-swatch" aria-hidden="true" />
                  <span>{describeAnnotation(annotation)}</span>
                  <span class="annotation-author">
                    {annotation.properties.authorName}
                  </span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  )
}

function AnnotationEditor(props: {
  annotation: Annotation
  doc: Y.Doc
  threads: Accessor<ThreadView[]>
  author: Author
  isReadOnly: boolean
  onClose: () => void
}) {
  const id = () => props.annotation.id

  return (
    <section class="annotation-editor" aria-label="Selected annotation">
      <div class="annotation-editor-head">
        <h3 class="panel-subtitle">{describeAnnotation(props.annotation)}</h3>
        <button type="button" class="button-quiet" onClick={props.onClose}>
          Close
        </button>
      </div>
      <p class="annotation-meta">
        Drawn by {props.annotation.properties.authorName}
      </p>
      <Show when={!props.isReadOnly}>
        <label class="field" for="annotation-text">
          Text
        </label>
        <textarea
          id="annotation-text"
          rows={3}
          value={props.annotation.properties.text}
          onInput={(event) =>
            updateAnnotation(props.doc, id(), {
              text: event.currentTarget.value,
            })
          }
        />
        <fieldset class="colour-choice">
          <legend>Colour</legend>
          <For each={ANNOTATION_COLOURS}>
            {(colour) => (
              <label class="colour-option" style={{ '--swatch': colour.value }}>
                <input
                  type="radio"
                  name="annotation-colour"
                  value={colour.value}
                  checked={props.annotation.properties.colour === colour.value}
                  onChange={() =>
                    updateAnnotation(props.doc, id(), { colour: colour.value })
                  }
                />
                <span>{colour.name}</span>
              </label>
            )}
          </For>
        </fieldset>
        <button
          type="button"
          class="button-danger"
          onClick={() => {
            removeAnnotation(props.doc, id())
            props.onClose()
          }}
        >
          Delete annotation
        </button>
      </Show>
      <CommentThreads
        doc={props.doc}
        anchor={id()}
        threads={props.threads}
        author={props.author}
        isReadOnly={props.isReadOnly}
      />
    </section>
  )
}

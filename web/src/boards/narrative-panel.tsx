import { onCleanup, onMount } from 'solid-js'
import type * as Y from 'yjs'
import { boardDocument } from '../../../server/boards/board-document'
import { bindTextarea } from './text-binding'

/** The board's written account, edited by everyone at once. */
export function NarrativePanel(props: { doc: Y.Doc; isReadOnly: boolean }) {
  let textarea!: HTMLTextAreaElement

  onMount(() => {
    const unbind = bindTextarea(boardDocument(props.doc).narrative, textarea)
    onCleanup(unbind)
  })

  return (
    <div class="narrative">
      <label class="field" for="board-narrative">
        Narrative
      </label>
      <p id="board-narrative-hint" class="field-hint">
        The board's account of what the analysis shows, written together.
      </p>
      <textarea
        id="board-narrative"
        ref={textarea}
        class="narrative-text"
        rows={16}
        aria-describedby="board-narrative-hint"
        readOnly={props.isReadOnly}
      />
    </div>
  )
}

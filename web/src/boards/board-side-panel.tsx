import {
  type Accessor,
  createEffect,
  createSignal,
  For,
  type JSX,
  Match,
  Switch,
} from 'solid-js'
import type * as Y from 'yjs'
import type { Annotation } from '../../../server/boards/board-document'
import type { maplibregl } from '../map/maplibre'
import { AnnotationPanel } from './annotation-panel'
import type { Author } from './annotations'
import { NarrativePanel } from './narrative-panel'
import type { ThreadView } from './threads'

const TABS = [
  { id: 'annotations', label: 'Annotations' },
  { id: 'narrative', label: 'Narrative' },
] as const

type TabId = (typeof TABS)[number]['id']

interface BoardSidePanelProps {
  doc: Y.Doc
  annotations: Accessor<Annotation[]>
  selectedId: Accessor<string | null>
  onSelect: (id: string | null) => void
  threads: Accessor<ThreadView[]>
  author: Author
  isReadOnly: boolean
  map: Accessor<maplibregl.Map | null>
}

/** The board's side panel: annotations and comments, and the narrative. */
export function BoardSidePanel(props: BoardSidePanelProps) {
  const [tab, setTab] = createSignal<TabId>('annotations')

  // Selecting an annotation on the map brings its details into view.
  createEffect(() => {
    if (props.selectedId()) setTab('annotations')
  })

  return (
    <aside class="board-side" aria-label="Board details">
      <TabList selected={tab} onSelect={setTab} />
      <div
        class="board-side-body"
        role="tabpanel"
        id={`board-tab-${tab()}`}
        aria-labelledby={`board-tab-button-${tab()}`}
      >
        <Switch>
          <Match when={tab() === 'annotations'}>
            <AnnotationPanel
              doc={props.doc}
              annotations={props.annotations}
              selectedId={props.selectedId}
              onSelect={props.onSelect}
              threads={props.threads}
              author={props.author}
              isReadOnly={props.isReadOnly}
            />
          </Match>
          <Match when={tab() === 'narrative'}>
            <NarrativePanel doc={props.doc} isReadOnly={props.isReadOnly} />
          </Match>
        </Switch>
      </div>
    </aside>
  )
}

/** Tabs that arrow keys move between, as the ARIA pattern describes. */
function TabList(props: {
  selected: Accessor<TabId>
  onSelect: (id: TabId) => void
}): JSX.Element {
  const onKeyDown = (event: KeyboardEvent) => {
    const step =
      event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    const index = TABS.findIndex((tab) => tab.id === props.selected())
    const next = TABS[(index + step + TABS.length) % TABS.length]
    if (!next) return
    props.onSelect(next.id)
    document.getElementById(`board-tab-button-${next.id}`)?.focus()
  }

  return (
    <div
      class="tabs"
      role="tablist"
      aria-label="Board panels"
      onKeyDown={onKeyDown}
    >
      <For each={TABS}>
        {(tab) => (
          <button
            type="button"
            role="tab"
            id={`board-tab-button-${tab.id}`}
            aria-selected={props.selected() === tab.id}
            aria-controls={`board-tab-${tab.id}`}
            tabIndex={props.selected() === tab.id ? 0 : -1}
            onClick={() => props.onSelect(tab.id)}
          >
            {tab.label}
          </button>
        )}
      </For>
    </div>
  )
}

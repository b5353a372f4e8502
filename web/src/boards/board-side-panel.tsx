import {
  type Accessor,
  createEffect,
  createSignal,
  For,
  type JSX,
} from 'solid-js'
import type * as Y from 'yjs'
import type { Annotation } from '../../../server/boards/board-document'
import { AnalysisCards } from '../analysis/analysis-cards'
import type { maplibregl } from '../map/maplibre'
import { AnnotationPanel } from './annotation-panel'
import type { Author } from './annotations'
import { NarrativePanel } from './narrative-panel'
import type { ThreadView } from './threads'

const TABS = [
  { id: 'annotations', label: 'Annotations' },
  { id: 'narrative', label: 'Narrative' },
  { id: 'analysis', label: 'Analysis' },
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

/** The board's side panel: annotations and comments, narrative, analysis. */
export function BoardSidePanel(props: BoardSidePanelProps) {
  const [tab, setTab] = createSignal<TabId>('annotations')

  // Selecting an annotation on the map brings its details into view.
  createEffect(() => {
    if (props.selectedId()) setTab('annotations')
  })

  return (
    <aside
      class="board-side"
      classList={{ 'board-side-wide': tab() === 'analysis' }}
      aria-label="Board details"
    >
      <TabList selected={tab} onSelect={setTab} />
      {/* Every panel stays mounted, so that a card keeps drawing on the
          map and the narrative keeps its caret while another tab is open. */}
      <TabPanel id="annotations" selected={tab}>
        <AnnotationPanel
          doc={props.doc}
          annotations={props.annotations}
          selectedId={props.selectedId}
          onSelect={props.onSelect}
          threads={props.threads}
          author={props.author}
          isReadOnly={props.isReadOnly}
        />
      </TabPanel>
      <TabPanel id="narrative" selected={tab}>
        <NarrativePanel doc={props.doc} isReadOnly={props.isReadOnly} />
      </TabPanel>
      <TabPanel id="analysis" selected={tab}>
        <AnalysisCards
          doc={props.doc}
          authorId={props.author.id}
          isReadOnly={props.isReadOnly}
          map={props.map}
        />
      </TabPanel>
    </aside>
  )
}

function TabPanel(props: {
  id: TabId
  selected: Accessor<TabId>
  children: JSX.Element
}) {
  return (
    <div
      class="board-side-body"
      role="tabpanel"
      id={`board-tab-${props.id}`}
      aria-labelledby={`board-tab-button-${props.id}`}
      hidden={props.selected() !== props.id}
    >
      {props.children}
    </div>
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

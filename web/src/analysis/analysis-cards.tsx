import {
  type Accessor,
  createSignal,
  For,
  type JSX,
  Match,
  Show,
  Switch,
} from 'solid-js'
import type * as Y from 'yjs'
import type {
  AnalysisCard,
  AnalysisKind,
} from '../../../server/boards/board-document'
import type { maplibregl } from '../map/maplibre'
import {
  addCard,
  CARD_KIND_LABELS,
  removeCard,
  updateCardQuery,
  useCards,
} from './board-cards'
import { setBoardFilter, useBoardFilters } from './board-filters'
import { FiltersBar } from './filters-bar'
import { FlowCard } from './flow-card'
import { IndicatorMapCard } from './indicator-map-card'
import { TrendCard } from './trend-card'
import './analysis.css'

const KINDS: AnalysisKind[] = ['trend', 'flow', 'indicator-map']
const DRAWN_ON_MAP = new Set<AnalysisKind>(['flow', 'indicator-map'])

interface AnalysisCardsProps {
  doc: Y.Doc
  authorId: string
  isReadOnly: boolean
  map: Accessor<maplibregl.Map | null>
}

/**
 * The board's analysis: its shared filters and its cards. One card at a
 * time draws on the map, chosen by each person for their own view.
 */
export function AnalysisCards(props: AnalysisCardsProps) {
  const filters = useBoardFilters(props.doc)
  const cards = useCards(props.doc)
  const [mapCardId, setMapCardId] = createSignal<string | null>(null)

  return (
    <div class="analysis-cards">
      <FiltersBar
        idPrefix="board-filter"
        values={filters}
        isReadOnly={props.isReadOnly}
        onChange={(name, value) => setBoardFilter(props.doc, name, value)}
      />
      <Show when={!props.isReadOnly}>
        <fieldset class="card-add">
          <legend class="visually-hidden">Add a card</legend>
          <For each={KINDS}>
            {(kind) => (
              <button
                type="button"
                class="button-quiet"
                onClick={() => {
                  const id = addCard(props.doc, kind, props.authorId)
                  if (DRAWN_ON_MAP.has(kind)) setMapCardId(id)
                }}
              >
                Add {CARD_KIND_LABELS[kind].toLowerCase()}
              </button>
            )}
          </For>
        </fieldset>
      </Show>
      <Show when={cards().length === 0}>
        <p class="panel-empty">No analysis cards on this board yet.</p>
      </Show>
      <For each={cards()}>
        {(card) => (
          <CardFrame
            card={card}
            isReadOnly={props.isReadOnly}
            isOnMap={mapCardId() === card.id}
            onToggleMap={() =>
              setMapCardId(mapCardId() === card.id ? null : card.id)
            }
            onRemove={() => removeCard(props.doc, card.id)}
          >
            <Switch>
              <Match when={card.kind === 'trend'}>
                <TrendCard
                  card={card}
                  filters={filters}
                  isReadOnly={props.isReadOnly}
                  onQuery={(changes) =>
                    updateCardQuery(props.doc, card.id, changes)
                  }
                />
              </Match>
              <Match when={card.kind === 'flow'}>
                <FlowCard
                  filters={filters}
                  map={props.map}
                  isOnMap={() => mapCardId() === card.id}
                />
              </Match>
              <Match when={card.kind === 'indicator-map'}>
                <IndicatorMapCard
                  card={card}
                  filters={filters}
                  map={props.map}
                  isOnMap={() => mapCardId() === card.id}
                  isReadOnly={props.isReadOnly}
                  onQuery={(changes) =>
                    updateCardQuery(props.doc, card.id, changes)
                  }
                />
              </Match>
            </Switch>
          </CardFrame>
        )}
      </For>
    </div>
  )
}

function CardFrame(props: {
  card: AnalysisCard
  isReadOnly: boolean
  isOnMap: boolean
  onToggleMap: () => void
  onRemove: () => void
  children: JSX.Element
}) {
  return (
    <article
      class="card"
      aria-label={props.card.title}
      data-card-kind={props.card.kind}
    >
      <header class="card-header">
        <h3>{props.card.title}</h3>
        <Show when={DRAWN_ON_MAP.has(props.card.kind)}>
          <button
            type="button"
            class="button-quiet"
            aria-pressed={props.isOnMap}
            onClick={() => props.onToggleMap()}
          >
            {props.isOnMap ? 'Shown on map' : 'Show on map'}
          </button>
        </Show>
        <Show when={!props.isReadOnly}>
          <button
            type="button"
            class="button-quiet"
            aria-label={`Remove card ${props.card.title}`}
            onClick={() => props.onRemove()}
          >
            Remove
          </button>
        </Show>
      </header>
      {props.children}
    </article>
  )
}

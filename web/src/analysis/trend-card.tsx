import { type Accessor, createResource, For } from 'solid-js'
import type { AnalysisCard } from '../../../server/boards/board-document'
import { fetchTrends, type TrendInterval } from './analysis-api'
import { queryText } from './board-cards'
import type { FilterValues } from './filters'
import { ResourceResult } from './resource-result'
import { TrendView } from './trend-view'

const INTERVALS: { value: TrendInterval; label: string }[] = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'year', label: 'Year' },
]

export const SPLIT_FIELDS = [
  { value: '', label: 'Nothing' },
  { value: 'phenomenon', label: 'Phenomenon' },
  { value: 'exploitation', label: 'Exploitation' },
  { value: 'sector', label: 'Sector' },
  { value: 'gender', label: 'Gender' },
  { value: 'ageBand', label: 'Age band' },
  { value: 'citizenship', label: 'Citizenship' },
  { value: 'origin', label: 'Origin' },
  { value: 'transit', label: 'Transit' },
  { value: 'destination', label: 'Destination' },
  { value: 'area', label: 'Judicial district' },
]

interface TrendCardProps {
  card: AnalysisCard
  filters: Accessor<FilterValues>
  isReadOnly: boolean
  onQuery: (changes: Record<string, unknown>) => void
}

/** A board card: persons over time on the board's filters. */
export function TrendCard(props: TrendCardProps) {
  const interval = () =>
    queryText(props.card, 'interval', 'month') as TrendInterval
  const splitBy = () => queryText(props.card, 'splitBy', '') || null
  const [trend] = createResource(
    () => ({
      filters: props.filters(),
      interval: interval(),
      splitBy: splitBy(),
    }),
    ({ filters, ...options }) => fetchTrends(filters, options),
  )
  const id = (name: string) => `card-${props.card.id}-${name}`

  return (
    <div class="card-body">
      <div class="card-controls">
        <label for={id('interval')}>Per</label>
        <select
          id={id('interval')}
          value={interval()}
          disabled={props.isReadOnly}
          onChange={(event) =>
            props.onQuery({ interval: event.currentTarget.value })
          }
        >
          <For each={INTERVALS}>
            {(option) => <option value={option.value}>{option.label}</option>}
          </For>
        </select>
        <label for={id('split')}>Split by</label>
        <select
          id={id('split')}
          value={splitBy() ?? ''}
          disabled={props.isReadOnly}
          onChange={(event) =>
            props.onQuery({ splitBy: event.currentTarget.value || null })
          }
        >
          <For each={SPLIT_FIELDS}>
            {(option) => <option value={option.value}>{option.label}</option>}
          </For>
        </select>
      </div>
      <ResourceResult resource={trend} loadingText="Counting…">
        {(latest) => <TrendView trend={latest()} title={props.card.title} />}
      </ResourceResult>
    </div>
  )
}

import { useSearchParams } from '@solidjs/router'
import { type Accessor, createResource, createSignal, For } from 'solid-js'
import { fetchTrends } from './analysis-api'
import { countedAs, type FilterValues, humanise, readFilters } from './filters'
import { FiltersBar } from './filters-bar'
import { ForecastCard } from './forecast-chart'
import { SignalsList } from './signals-list'
import { SPLIT_FIELDS } from './trend-card'
import { TrendView } from './trend-view'
import '../pages/forms.css'
import './analysis.css'
import { ResourceResult } from './resource-result'

/**
 * `/analysis`: the shared dataset on one set of filters, kept in the
 * address so that a view can be sent to a colleague: the trend, the
 * signals and the forecast.
 */
export function AnalysisPage() {
  const [params, setParams] = useSearchParams()
  const filters = () => readFilters(Object.entries(params))

  return (
    <div class="page analysis-page">
      <div>
        <h1>Analysis</h1>
        <p class="page-lead">
          Trends, early-warning signals and forecasts on the records of every
          partner. Small counts are withheld on the server before they reach
          this page.
        </p>
      </div>
      <FiltersBar
        idPrefix="analysis-filter"
        values={filters}
        onChange={(name, value) => setParams({ [name]: value })}
      />
      <div class="analysis-grid">
        <PageTrend filters={filters} />
        <ForecastCard filters={filters} />
      </div>
      <SignalsList filters={filters} />
    </div>
  )
}

function PageTrend(props: { filters: Accessor<FilterValues> }) {
  const [splitBy, setSplitBy] = createSignal('')
  const [trend] = createResource(
    () => ({ filters: props.filters(), splitBy: splitBy() || null }),
    ({ filters, splitBy }) =>
      fetchTrends(filters, { interval: 'month', splitBy }),
  )

  const title = () => `${humanise(countedAs(props.filters().count))} per month`

  return (
    <section class="card" aria-labelledby="trend-title">
      <header class="card-header">
        <h2 id="trend-title">{title()}</h2>
      </header>
      <div class="card-body">
        <div class="card-controls">
          <label for="analysis-split">Split by</label>
          <select
            id="analysis-split"
            value={splitBy()}
            onChange={(event) => setSplitBy(event.currentTarget.value)}
          >
            <For each={SPLIT_FIELDS}>
              {(field) => <option value={field.value}>{field.label}</option>}
            </For>
          </select>
        </div>
        <ResourceResult resource={trend} loadingText="Counting…">
          {(latest) => <TrendView trend={latest()} title={title()} />}
        </ResourceResult>
      </div>
    </section>
  )
}

import { type Accessor, createResource, Show } from 'solid-js'
import { type ForecastView, fetchForecast } from './analysis-api'
import { plotted, WithheldNote } from './counts'
import type { FilterValues } from './filters'
import { ResourceResult } from './resource-result'
import { bucketTime, TimeChart } from './time-chart'

const HORIZON_MONTHS = 6

/** The forecast of persons per month, with its 80% and 95% intervals. */
export function ForecastCard(props: { filters: Accessor<FilterValues> }) {
  const [result] = createResource(props.filters, (filters) =>
    fetchForecast(filters, HORIZON_MONTHS),
  )

  return (
    <section class="card" aria-labelledby="forecast-title">
      <header class="card-header">
        <h2 id="forecast-title">Forecast</h2>
      </header>
      <ResourceResult resource={result} loadingText="Forecasting…">
        {(latest) => <ForecastPlot forecast={latest()} />}
      </ResourceResult>
    </section>
  )
}

function ForecastPlot(props: { forecast: ForecastView }) {
  const history = () => props.forecast.history
  const ahead = () => props.forecast.forecast
  const times = () =>
    [...history(), ...ahead()].map((point) => bucketTime(point.month))
  const blank = (count: number) => Array<number | null>(count).fill(null)
  // The forecast starts at the last shown month, so the lines meet.
  const lastShown = () => history().at(-1)
  const future = (pick: (p: ForecastView['forecast'][number]) => number) => [
    ...blank(history().length - 1),
    lastShown() ? plotted(lastShown()!) : null,
    ...ahead().map(pick),
  ]

  const chartLabel = () =>
    `Persons per month to ${history().at(-1)?.month ?? ''} and forecast ` +
    `to ${ahead().at(-1)?.month ?? ''}, with 80% and 95% intervals`

  return (
    <>
      <p class="card-summary">
        {props.forecast.model.name}, {HORIZON_MONTHS} months ahead; the shaded
        bands hold the next months with 80% and 95% probability.
      </p>
      <TimeChart
        times={times()}
        heightPx={260}
        label={chartLabel()}
        series={[
          {
            label: 'Persons',
            values: [...history().map(plotted), ...blank(ahead().length)],
            colour: '#1864ab',
          },
          {
            label: 'Forecast',
            values: future((p) => p.persons),
            colour: '#e8590c',
            isDashed: true,
          },
          {
            label: '95% high',
            values: future((p) => p.upper95),
            colour: '#ffd8a8',
            isBandEdge: true,
          },
          {
            label: '95% low',
            values: future((p) => p.lower95),
            colour: '#ffd8a8',
            isBandEdge: true,
          },
          {
            label: '80% high',
            values: future((p) => p.upper80),
            colour: '#ffa94d',
            isBandEdge: true,
          },
          {
            label: '80% low',
            values: future((p) => p.lower80),
            colour: '#ffa94d',
            isBandEdge: true,
          },
        ]}
        bands={[
          { upper: 2, lower: 3, fill: 'rgba(255, 169, 77, 0.18)' },
          { upper: 4, lower: 5, fill: 'rgba(255, 146, 43, 0.3)' },
        ]}
      />
      <Show when={history().some((point) => point.isSuppressed)}>
        <WithheldNote threshold={props.forecast.disclosureThreshold} />
      </Show>
    </>
  )
}

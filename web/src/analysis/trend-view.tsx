import { For, Show } from 'solid-js'
import { countryName } from '../map/country-codes'
import type { TrendsView } from './analysis-api'
import { formatCount, plotted, WithheldNote } from './counts'
import { countedAs, humanise } from './filters'
import { bucketTime, type ChartSeries, TimeChart } from './time-chart'

const SERIES_COLOURS = [
  '#1864ab',
  '#e8590c',
  '#2b8a3e',
  '#9c36b5',
  '#c92a2a',
  '#0c8599',
]
const COUNTRY_FIELDS = new Set([
  'citizenship',
  'origin',
  'transit',
  'destination',
])

/** A split value as a reader knows it: a country name, or plain words. */
export function valueLabel(field: string | null, value: string): string {
  return field && COUNTRY_FIELDS.has(field)
    ? countryName(value)
    : humanise(value)
}

/**
 * A trend as a chart and, for keyboards and screen readers, its numbers.
 * A split shows its six largest series; the rest are named as left out.
 */
export function TrendView(props: { trend: TrendsView; title: string }) {
  const counted = () => countedAs(props.trend.countMode)
  const largestSeries = () =>
    [...props.trend.series]
      .map((series) => ({
        series,
        total: series.points.reduce((sum, p) => sum + (plotted(p) ?? 0), 0),
      }))
      .sort((a, b) => b.total - a.total)
      .slice(0, SERIES_COLOURS.length)
      .map(({ series }) => series)
  const chartSeries = (): ChartSeries[] => {
    const split = largestSeries()
    if (split.length === 0) {
      return [
        {
          label: humanise(counted()),
          values: props.trend.totals.map(plotted),
          colour: SERIES_COLOURS[0] ?? '#1864ab',
        },
      ]
    }
    return split.map((series, index) => ({
      label: valueLabel(props.trend.splitBy, series.value),
      values: series.points.map(plotted),
      colour: SERIES_COLOURS[index] ?? '#495057',
    }))
  }
  const leftOut = () => props.trend.series.length - largestSeries().length
  const chartLabel = () => {
    const { interval, period } = props.trend
    return `${props.title}: ${counted()} per ${interval} from ${period.from} to ${period.to}`
  }
  const withheldCount = () =>
    props.trend.totals.filter((point) => point.isSuppressed).length

  return (
    <div class="trend-view">
      <TimeChart
        times={props.trend.totals.map((point) => bucketTime(point.bucket))}
        series={chartSeries()}
        label={chartLabel()}
      />
      <Show when={leftOut() > 0}>
        <p class="card-note">
          {leftOut()} smaller series are left out of the chart.
        </p>
      </Show>
      <Show when={withheldCount() > 0}>
        <WithheldNote threshold={props.trend.disclosureThreshold} />
      </Show>
      <details class="card-numbers">
        <summary>Numbers</summary>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{humanise(props.trend.interval)}</th>
              <th scope="col">All {counted()}</th>
              <For each={largestSeries()}>
                {(series) => (
                  <th scope="col">
                    {valueLabel(props.trend.splitBy, series.value)}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={props.trend.totals}>
              {(point, index) => (
                <tr>
                  <th scope="row">{point.bucket}</th>
                  <td>{formatCount(point)}</td>
                  <For each={largestSeries()}>
                    {(series) => {
                      const cell = series.points[index()]
                      return <td>{cell ? formatCount(cell) : '—'}</td>
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </div>
  )
}

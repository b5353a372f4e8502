import { createEffect, onCleanup, onMount } from 'solid-js'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

export interface ChartSeries {
  label: string
  /** One value per x; null where the count is withheld or absent. */
  values: (number | null)[]
  colour: string
  isDashed?: boolean
  /** Drawn only as the edge of a band, not in the legend. */
  isBandEdge?: boolean
}

export interface ChartBand {
  /** Indexes in `series` of the upper and lower edges. */
  upper: number
  lower: number
  fill: string
}

export interface TimeChartProps {
  /** Unix seconds of each point. */
  times: number[]
  series: ChartSeries[]
  bands?: ChartBand[]
  /** What the chart shows, for screen readers; a table follows it. */
  label: string
  heightPx?: number
}

/**
 * A time series chart drawn with uPlot, sized to its container. Withheld
 * counts are gaps in the line, never a guessed value.
 */
export function TimeChart(props: TimeChartProps) {
  let container!: HTMLDivElement
  let chart: uPlot | null = null
  let resizeObserver: ResizeObserver | null = null

  const build = () => {
    chart?.destroy()
    const width = Math.max(240, container.clientWidth)
    const options: uPlot.Options = {
      width,
      height: props.heightPx ?? 220,
      series: [
        {},
        ...props.series.map(
          (series): uPlot.Series => ({
            label: series.label,
            stroke: series.colour,
            width: series.isBandEdge ? 0 : 2,
            dash: series.isDashed ? [6, 4] : undefined,
            spanGaps: false,
            points: { show: false },
          }),
        ),
      ],
      bands: (props.bands ?? []).map((band) => ({
        series: [band.upper + 1, band.lower + 1],
        fill: band.fill,
      })),
      axes: [{}, { size: 48 }],
      legend: { show: true },
    }
    const data: uPlot.AlignedData = [
      props.times,
      ...props.series.map((series) => series.values),
    ]
    chart = new uPlot(options, data, container)
    container.dataset.chartSeries = String(props.series.length)
    container.dataset.chartPoints = String(props.times.length)
  }

  onMount(() => {
    resizeObserver = new ResizeObserver(() => {
      chart?.setSize({
        width: Math.max(240, container.clientWidth),
        height: props.heightPx ?? 220,
      })
    })
    resizeObserver.observe(container)
  })
  createEffect(build)
  onCleanup(() => {
    resizeObserver?.disconnect()
    chart?.destroy()
    chart = null
  })

  return (
    <div
      ref={container}
      class="time-chart"
      role="img"
      aria-label={props.label}
      data-testid="time-chart"
    />
  )
}

/** Unix seconds at the start of a bucket: `2024-05`, `2024-Q2`, `2024`. */
export function bucketTime(bucket: string): number {
  const year = Number(bucket.slice(0, 4))
  const quarter = /^\d{4}-Q([1-4])$/.exec(bucket)?.[1]
  const month = quarter
    ? (Number(quarter) - 1) * 3
    : bucket.length >= 7
      ? Number(bucket.slice(5, 7)) - 1
      : 0

  return Date.UTC(year, month, 1) / 1000
}

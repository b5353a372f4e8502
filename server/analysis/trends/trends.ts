import type { AnalysisContext } from '../analysis-context'
import type { ShownCount } from '../disclosure'
import type { FieldName } from '../fields'
import type { AnalysisFilters, CountMode, Period } from '../filters'
import type { Interval } from '../query/count-persons'
import { alignPeriod, bucketsOf } from './buckets'
import { cellKey, discloseTrend } from './trend-tables'

export interface TrendPoint extends ShownCount {
  bucket: string
}

export interface TrendSeries {
  value: string
  points: TrendPoint[]
}

export interface TrendsResult {
  period: Period
  interval: Interval
  splitBy: FieldName | null
  countMode: CountMode
  totals: TrendPoint[]
  series: TrendSeries[]
}

/** Persons per month, quarter or year, split by a coded field if asked. */
export async function computeTrends(
  context: AnalysisContext,
  filters: AnalysisFilters,
  interval: Interval,
  splitBy: FieldName | null,
): Promise<TrendsResult> {
  const period = alignPeriod(filters.period, interval)
  const aligned = { ...filters, period }
  const trend = await discloseTrend(
    context,
    aligned,
    interval,
    splitBy ? [splitBy] : null,
  )
  const buckets = bucketsOf(period, interval)
  const totals = buckets.map((bucket) => ({
    bucket,
    ...trend.totals.show(bucket),
  }))
  const split = trend.split
  const values = new Set<string>()
  for (const key of split?.table.cells.keys() ?? []) {
    values.add(key.slice(key.indexOf('|') + 1))
  }
  const series = [...values].sort().map((value) => ({
    value,
    points: buckets.map((bucket) => ({
      bucket,
      ...split!.show(cellKey(bucket, value)),
    })),
  }))

  return {
    period,
    interval,
    splitBy,
    countMode: filters.countMode,
    totals,
    series,
  }
}

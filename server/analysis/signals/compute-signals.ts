import type { AnalysisContext } from '../analysis-context'
import type { AnalysisFilters, Period } from '../filters'
import { detectSignals, type Signal } from './detect-signals'
import { cachedByDataVersion } from './signal-cache'
import { readWatchedSeries } from './signal-series'

export interface SignalsResult {
  period: Period
  latestMonth: string
  seriesTested: number
  falseDiscoveryRate: number
  signals: Signal[]
}

/**
 * Early warning on every watched series of the filtered records, computed
 * once per filters until the records change.
 */
export async function computeSignals(
  context: AnalysisContext,
  filters: AnalysisFilters,
  falseDiscoveryRate: number,
): Promise<SignalsResult> {
  const key = JSON.stringify([
    filters,
    falseDiscoveryRate,
    context.disclosure.thresholdPersons,
  ])

  return cachedByDataVersion(context.db, key, () =>
    detectAll(context, filters, falseDiscoveryRate),
  )
}

async function detectAll(
  context: AnalysisContext,
  filters: AnalysisFilters,
  falseDiscoveryRate: number,
): Promise<SignalsResult> {
  const { months, series } = await readWatchedSeries(context, filters)
  const signals = detectSignals(months, series, {
    thresholdPersons: context.disclosure.thresholdPersons,
    falseDiscoveryRate,
  })

  return {
    period: filters.period,
    latestMonth: filters.period.to,
    seriesTested: series.length,
    falseDiscoveryRate,
    signals,
  }
}

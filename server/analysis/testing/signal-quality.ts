import { sql } from 'drizzle-orm'
import type { Database } from '../../../db/open-database'
import {
  addMonths,
  type PlantedChange,
  plantedChangesFor,
} from '../../records/synthetic'
import type { AnalysisContext } from '../analysis-context'
import type { AnalysisFilters } from '../filters'
import type { Backtest } from '../forecast/backtest'
import { computeForecast } from '../forecast/compute-forecast'
import { monthsInPeriod } from '../months'
import { computeSignals } from '../signals/compute-signals'
import type { Signal } from '../signals/detect-signals'
import { loadSyntheticRecords } from './synthetic-load'

/**
 * How well the signals and forecasts do on seeded synthetic records: the
 * share of planted changes found within three months of their start, the
 * share of runs on unchanged data that raise any alarm, and the forecast
 * intervals' coverage of held-back months. Used by the quality test and by
 * the script that prints the README's figures.
 */
export interface QualityOptions {
  plantedSeeds: readonly number[]
  unchangedSeeds: readonly number[]
  /** Latest months evaluated per unchanged seed (the last ones). */
  unchangedRunsPerSeed: number
  startMonth?: string
  months?: number
  falseDiscoveryRate?: number
}

export interface QualityReport {
  planted: { seed: number; key: string; foundIn: string | null }[]
  recall: number
  unchangedRuns: number
  unchangedRunsWithAlarm: number
  falseSignals: number
  /** Every signal raised on unchanged data, to inspect one by one. */
  falseAlarms: (Signal & { seed: number; latestMonth: string })[]
  seriesTestedPerRun: number
  coverage80: number
  coverage95: number
  meanAbsoluteError: number
  seasonalNaiveMeanAbsoluteError: number
}

const DETECTION_MONTHS = 4

export async function measureQuality(
  db: Database,
  options: QualityOptions,
): Promise<QualityReport> {
  const startMonth = options.startMonth ?? '2022-01'
  const months = options.months ?? 36
  const rate = options.falseDiscoveryRate ?? 0.05
  const context: AnalysisContext = {
    db,
    disclosure: { thresholdPersons: 5 },
  }
  const filtersAt = (to: string): AnalysisFilters => {
    const from = addMonths(to, -35)
    return {
      // biome-ignore lint/complexity/useMathMinMax: months are YYYY-MM text
      period: { from: from < startMonth ? startMonth : from, to },
      countMode: 'persons',
      values: {},
    }
  }

  const planted: QualityReport['planted'] = []
  for (const seed of options.plantedSeeds) {
    const generator = { seed, startMonth, months, hasPlantedChanges: true }
    await reload(db, generator)
    for (const change of plantedChangesFor(generator)) {
      let foundIn: string | null = null
      for (let k = 0; k < DETECTION_MONTHS && !foundIn; k++) {
        const month = addMonths(change.startMonth, k)
        const { signals } = await computeSignals(
          context,
          filtersAt(month),
          rate,
        )
        if (signals.some((signal) => isAbout(signal, change))) foundIn = month
      }
      planted.push({ seed, key: change.key, foundIn })
    }
  }

  let unchangedRuns = 0
  let unchangedRunsWithAlarm = 0
  const falseAlarms: QualityReport['falseAlarms'] = []
  let seriesTested = 0
  const backtests: Backtest[] = []
  for (const seed of options.unchangedSeeds) {
    const generator = { seed, startMonth, months, hasPlantedChanges: false }
    await reload(db, generator)
    const last = addMonths(startMonth, months - 1)
    for (let k = 0; k < options.unchangedRunsPerSeed; k++) {
      const month = addMonths(last, -k)
      const result = await computeSignals(context, filtersAt(month), rate)
      unchangedRuns++
      seriesTested += result.seriesTested
      for (const signal of result.signals) {
        falseAlarms.push({ ...signal, seed, latestMonth: month })
      }
      if (result.signals.length > 0) unchangedRunsWithAlarm++
    }
    for (const phenomenon of ['trafficking', 'smuggling']) {
      const filters: AnalysisFilters = {
        period: { from: startMonth, to: last },
        countMode: 'persons',
        values: { phenomenon: [phenomenon] },
      }
      if (monthsInPeriod(startMonth, last) < 24) continue
      const { backtest } = await computeForecast(context, filters, 3)
      if (backtest) backtests.push(backtest)
    }
  }

  const weighted = (pick: (b: Backtest) => number) =>
    backtests.reduce((sum, b) => sum + pick(b) * b.forecasts, 0) /
    Math.max(
      1,
      backtests.reduce((sum, b) => sum + b.forecasts, 0),
    )

  return {
    planted,
    recall:
      planted.filter((p) => p.foundIn !== null).length /
      Math.max(1, planted.length),
    unchangedRuns,
    unchangedRunsWithAlarm,
    falseSignals: falseAlarms.length,
    falseAlarms,
    seriesTestedPerRun: seriesTested / Math.max(1, unchangedRuns),
    coverage80: weighted((b) => b.coverage80),
    coverage95: weighted((b) => b.coverage95),
    meanAbsoluteError: weighted((b) => b.meanAbsoluteError),
    seasonalNaiveMeanAbsoluteError: weighted(
      (b) => b.seasonalNaiveMeanAbsoluteError,
    ),
  }
}

async function reload(
  db: Database,
  generator: Parameters<typeof loadSyntheticRecords>[1],
): Promise<void> {
  await db.execute(sql`truncate records`)
  await loadSyntheticRecords(db, generator)
}

/** Whether a signal points at the planted change. */
export function isAbout(signal: Signal, change: PlantedChange): boolean {
  const parts = signal.value.split('|')
  if (change.kind === 'new_route') {
    const path = change.transit.join('>')
    const isRoute =
      signal.family === 'route' &&
      change.origin.includes(parts[0]!) &&
      parts[1] === path &&
      parts[2] === change.destination
    const isNewTransit =
      signal.family === 'transit' && change.transit.includes(signal.value)
    return isRoute || isNewTransit
  }
  const isCountry =
    (signal.family === 'citizenship' || signal.family === 'origin') &&
    signal.value === change.citizenship
  const isProfile =
    signal.family === 'profile' && parts[0] === change.citizenship
  const isRoute = signal.family === 'route' && parts[0] === change.citizenship

  return isCountry || isProfile || isRoute
}

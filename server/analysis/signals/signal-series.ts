import type { AnalysisContext } from '../analysis-context'
import type { ShownCount } from '../disclosure'
import { type FieldName, NONE, SPLIT_FIELD_NAMES } from '../fields'
import type { AnalysisFilters } from '../filters'
import { listMonths } from '../months'
import { type GroupKey, sharedCounts } from '../query/count-persons'
import { keptMonthlyCounts } from '../query/monthly-counts'
import { cellKey, discloseTrend } from '../trends/trend-tables'

/**
 * The series a signal can be about: every value of a coded field, every
 * route (origin, transit countries, destination) and every profile
 * (citizenship, gender, age band, form of exploitation).
 */
export type SeriesFamily = FieldName | 'route' | 'profile'

export interface WatchedSeries {
  family: SeriesFamily
  /** The value, or its parts joined by `|` for routes and profiles. */
  value: string
  /** One disclosed count per month of the period, oldest first. */
  counts: ShownCount[]
  /**
   * Records behind each month's count, oldest first. The tests run on
   * them (see `detect-signals.ts`); they are never published.
   */
  records: number[]
}

const FAMILY_SPLITS: Record<'route' | 'profile', readonly GroupKey[]> = {
  route: ['origin', 'transitPath', 'destination'],
  profile: ['citizenship', 'gender', 'ageBand', 'exploitation'],
}

/** Values that describe no one in particular are not watched. */
const UNKNOWN_VALUES = new Set([NONE, 'unknown'])

/**
 * Reads the disclosed monthly series of every family. They are the very
 * tables the trends endpoint shows for the same filters, so a signal can
 * never show what a trend withholds.
 */
export async function readWatchedSeries(
  context: AnalysisContext,
  filters: AnalysisFilters,
): Promise<{ months: string[]; series: WatchedSeries[] }> {
  const shared = {
    ...context,
    counts: sharedCounts(context.db, keptMonthlyCounts(context.db)),
  }
  const months = listMonths(filters.period.from, filters.period.to)
  const fields = SPLIT_FIELD_NAMES.filter(
    (name) => (filters.values[name]?.length ?? 2) > 1,
  )
  const families: [SeriesFamily, readonly GroupKey[]][] = [
    ...fields.map((name): [SeriesFamily, GroupKey[]] => [name, [name]]),
    ['route', FAMILY_SPLITS.route],
    ['profile', FAMILY_SPLITS.profile],
  ]
  // Every family's counts are asked for at once, the largest first: they
  // take longest, and the pool runs only so many queries at a time. A
  // failure surfaces where the same counts are awaited below.
  for (const [, split] of [...families].reverse()) {
    shared.counts(filters, ['month', ...split]).catch(() => {})
  }
  const { totals } = await discloseTrend(shared, filters, 'month', null)
  const tables = await Promise.all(
    families.map(([, split]) =>
      discloseTrend(shared, filters, 'month', split, totals),
    ),
  )

  const series = families.flatMap(([family], i) => {
    const disclosed = tables[i]!.split!
    const records = disclosed.table.records
    const values = new Set<string>()
    for (const key of disclosed.table.cells.keys()) {
      values.add(key.slice(key.indexOf('|') + 1))
    }
    return [...values]
      .filter((value) => isWatched(family, value))
      .map((value) => {
        const keys = months.map((month) => cellKey(month, value))
        return {
          family,
          value,
          counts: keys.map((key) => disclosed.show(key)),
          records: keys.map((key) => records?.get(key) ?? 0),
        }
      })
  })

  return { months, series }
}

function isWatched(family: SeriesFamily, value: string): boolean {
  const parts = value.split('|')
  if (family === 'route') {
    return parts[0] !== NONE && parts[2] !== NONE
  }

  return parts.every((part) => !UNKNOWN_VALUES.has(part))
}

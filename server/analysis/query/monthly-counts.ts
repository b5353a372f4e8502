import { sql } from 'drizzle-orm'
import type { Database } from '../../../db/open-database'
import { selectRows } from '../../../db/rows'
import type { AnalysisFilters, Period } from '../filters'
import { firstDayOf, listMonths } from '../months'
import { type CountQuery, type CountRow, countPersons } from './count-persons'

/**
 * Monthly counts kept between requests, month by month. The rollup
 * triggers stamp each month they write with a new data version
 * (`analysis_month_versions`), so after a write only the months it touched
 * are read again: an import of this month's records leaves the other 35
 * months of a three-year series as they were read before.
 *
 * Versions are read before counts, so a write committed in between leaves
 * counts newer than their version, never older: they are read once more
 * at the next request, and never kept stale.
 */
interface KeptMonth {
  version: string
  rows: CountRow[]
}

interface KeptQuestion {
  months: Map<string, KeptMonth>
  rowCount: number
}

/** Rows kept per database (a few tens of MB); the oldest question goes. */
const MAX_KEPT_ROWS = 400_000

const caches = new WeakMap<Database, Map<string, KeptQuestion>>()

/**
 * Counts grouped by month first, kept between requests; any other
 * grouping is counted as it is asked. Made per answer: the month versions
 * are read once per period for all the questions of that answer.
 */
export function keptMonthlyCounts(db: Database): CountQuery {
  const versionsByPeriod = new Map<string, Promise<Map<string, string>>>()
  const versionsOf = (period: Period) => {
    const key = `${period.from}/${period.to}`
    const versions = versionsByPeriod.get(key) ?? readMonthVersions(db, period)
    versionsByPeriod.set(key, versions)
    return versions
  }

  return (filters, groupBy) =>
    groupBy[0] === 'month'
      ? countKept(db, filters, groupBy, versionsOf)
      : countPersons(db, filters, groupBy)
}

async function countKept(
  db: Database,
  filters: AnalysisFilters,
  groupBy: Parameters<CountQuery>[1],
  versionsOf: (period: Period) => Promise<Map<string, string>>,
): Promise<CountRow[]> {
  const cache = caches.get(db) ?? new Map<string, KeptQuestion>()
  caches.set(db, cache)
  const question = JSON.stringify([filters.countMode, filters.values, groupBy])
  const kept = cache.get(question) ?? { months: new Map(), rowCount: 0 }
  const versions = await versionsOf(filters.period)
  const months = listMonths(filters.period.from, filters.period.to)
  const stale = months.filter(
    (month) =>
      versions.has(month) &&
      kept.months.get(month)?.version !== versions.get(month),
  )

  if (stale.length > 0) {
    const span = { from: stale[0]!, to: stale.at(-1)! }
    const fresh = await countPersons(db, { ...filters, period: span }, groupBy)
    const byMonth = new Map<string, CountRow[]>()
    for (const row of fresh) {
      const list = byMonth.get(row.keys[0]!)
      if (list) list.push(row)
      else byMonth.set(row.keys[0]!, [row])
    }
    for (const month of listMonths(span.from, span.to)) {
      const version = versions.get(month)
      if (version === undefined) continue
      const rows = byMonth.get(month) ?? []
      kept.rowCount += rows.length - (kept.months.get(month)?.rows.length ?? 0)
      kept.months.set(month, { version, rows })
    }
  }
  remember(cache, question, kept)

  return months.flatMap((month) =>
    versions.has(month) ? (kept.months.get(month)?.rows ?? []) : [],
  )
}

/** The month's data version, for each month of the period ever written. */
async function readMonthVersions(
  db: Database,
  period: Period,
): Promise<Map<string, string>> {
  const rows = await selectRows<{ month: string; version: string }>(
    db,
    sql`select to_char(observed_on, 'YYYY-MM') as month,
          version::text as version
        from analysis_month_versions
        where observed_on between ${firstDayOf(period.from)}
                              and ${firstDayOf(period.to)}`,
  )

  return new Map(rows.map((row) => [row.month, row.version]))
}

/** Keeps a question as the newest, dropping the oldest beyond the bound. */
function remember(
  cache: Map<string, KeptQuestion>,
  question: string,
  kept: KeptQuestion,
): void {
  cache.delete(question)
  cache.set(question, kept)
  let total = 0
  for (const one of cache.values()) total += one.rowCount
  for (const [oldest, one] of cache) {
    if (total <= MAX_KEPT_ROWS || oldest === question) break
    cache.delete(oldest)
    total -= one.rowCount
  }
}

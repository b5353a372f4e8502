import type { AnalysisContext } from '../analysis-context'
import {
  type CountTable,
  type DisclosedTable,
  discloseTable,
  emptyTable,
} from '../disclosure'
import type { AnalysisFilters } from '../filters'
import { countIn, type GroupKey, type Interval } from '../query/count-persons'

/**
 * Series over time as disclosure tables. Each time bucket is its own line
 * (the bucket's total over every value), so what is withheld in a month
 * depends on that month alone: the same month looks the same in any period
 * a reader asks for, and no two periods can be played against each other.
 */
export const cellKey = (bucket: string, value: string) => `${bucket}|${value}`

/** Totals per bucket: one cell each. */
export async function buildTotalsTable(
  context: AnalysisContext,
  filters: AnalysisFilters,
  interval: Interval,
): Promise<CountTable> {
  const table = emptyTable()
  for (const row of await countIn(context, filters, [interval])) {
    table.cells.set(row.keys[0]!, row.persons)
  }

  return table
}

/**
 * Cells per bucket and value of `split` (a list of fields joined into one
 * value, e.g. a route or a profile), each bucket's total as their line.
 */
export async function buildSplitTable(
  context: AnalysisContext,
  filters: AnalysisFilters,
  interval: Interval,
  split: readonly GroupKey[],
): Promise<CountTable> {
  const [rows, totals] = await Promise.all([
    countIn(context, filters, [interval, ...split]),
    countIn(context, filters, [interval]),
  ])
  const table = emptyTable()
  const records = new Map<string, number>()
  const members = new Map<string, string[]>()
  for (const row of rows) {
    const bucket = row.keys[0]!
    // The same key as cellKey(bucket, values joined by '|').
    const key = row.keys.join('|')
    table.cells.set(key, row.persons)
    records.set(key, row.records)
    const known = members.get(bucket)
    if (known) known.push(key)
    else members.set(bucket, [key])
  }
  for (const row of totals) {
    const bucket = row.keys[0]!
    table.lines.set(bucket, {
      count: row.persons,
      members: members.get(bucket) ?? [],
    })
  }

  return { ...table, records }
}

export interface DisclosedTrend {
  totals: DisclosedTable
  split: DisclosedTable | null
}

/**
 * The disclosed totals and, when asked, the disclosed split; the split's
 * bucket totals keep the decisions of the totals table, so that the total
 * of a month is shown or withheld alike with or without a split.
 */
export async function discloseTrend(
  context: AnalysisContext,
  filters: AnalysisFilters,
  interval: Interval,
  split: readonly GroupKey[] | null,
  knownTotals?: DisclosedTable,
): Promise<DisclosedTrend> {
  if (split && context.counts) {
    // Asked for now, so it runs beside the totals; a failure surfaces
    // where the split's table awaits the same shared counts.
    context.counts(filters, [interval, ...split]).catch(() => {})
  }
  const totals =
    knownTotals ??
    (await discloseTable(
      {
        filters,
        build: (f) => buildTotalsTable(context, f, interval),
        isSummedOverPeriod: false,
      },
      context.disclosure,
    ))
  if (!split) return { totals, split: null }

  const decided = new Map(
    [...totals.table.cells.keys()].map((key) => [key, totals.hidden.has(key)]),
  )
  const disclosed = await discloseTable(
    {
      filters,
      build: (f) => buildSplitTable(context, f, interval, split),
      isSummedOverPeriod: false,
      decided,
    },
    context.disclosure,
  )

  return { totals, split: disclosed }
}

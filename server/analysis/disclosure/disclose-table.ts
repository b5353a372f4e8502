import type { AnalysisFilters } from '../filters'
import { allKeys, type CountTable, countOf } from './count-table'
import { neighbourFilters } from './neighbour-filters'
import { protectTable } from './protect-table'

export interface DisclosureSettings {
  /** Counts from 1 to this minus one are withheld. */
  thresholdPersons: number
}

export interface DiscloseRequest {
  filters: AnalysisFilters
  /** Builds the table for a set of filters; called for each neighbour. */
  build: (filters: AnalysisFilters) => Promise<CountTable>
  /** True when cells add up several months (flows, maps, totals). */
  isSummedOverPeriod: boolean
  /** Lines decided by another table shown beside this one. */
  decided?: ReadonlyMap<string, boolean>
}

/** A count as it leaves the server: a number, or withheld and marked. */
export interface ShownCount {
  persons: number | null
  isSuppressed: boolean
}

export interface DisclosedTable {
  table: CountTable
  hidden: ReadonlySet<string>
  /** Keys no suppression could protect (see `protectTable`). */
  exposed: readonly string[]
  show(key: string): ShownCount
}

/**
 * The disclosure-control step every published count goes through: builds
 * the table, builds its one-value neighbours (`neighbourFilters`), flags
 * every key whose difference with a neighbour would be a small count, and
 * suppresses (`protectTable`).
 */
export async function discloseTable(
  request: DiscloseRequest,
  settings: DisclosureSettings,
): Promise<DisclosedTable> {
  const neighbours = neighbourFilters(request.filters, {
    isSummedOverPeriod: request.isSummedOverPeriod,
  })
  const [table, ...neighbourTables] = await Promise.all([
    request.build(request.filters),
    ...neighbours.map((filters) => request.build(filters)),
  ])
  const flagged = flagDifferences(
    table!,
    neighbourTables,
    settings.thresholdPersons,
  )
  const protection = protectTable(table!, {
    thresholdPersons: settings.thresholdPersons,
    flagged,
    ...(request.decided ? { decided: request.decided } : {}),
  })

  return discloseWith(table!, protection.hidden, protection.exposed)
}

/** Wraps a table and its withheld keys for publication. */
export function discloseWith(
  table: CountTable,
  hidden: ReadonlySet<string>,
  exposed: readonly string[] = [],
): DisclosedTable {
  return {
    table,
    hidden,
    exposed,
    show: (key) =>
      hidden.has(key)
        ? { persons: null, isSuppressed: true }
        : { persons: countOf(table, key), isSuppressed: false },
  }
}

/**
 * Keys whose difference with some neighbour, wider or narrower, is from 1
 * to the threshold minus one.
 */
export function flagDifferences(
  table: CountTable,
  neighbours: readonly CountTable[],
  thresholdPersons: number,
): Set<string> {
  const flagged = new Set<string>()
  for (const neighbour of neighbours) {
    for (const key of allKeys(table)) {
      const difference = Math.abs(countOf(table, key) - countOf(neighbour, key))
      if (difference >= 1 && difference < thresholdPersons) flagged.add(key)
    }
  }

  return flagged
}

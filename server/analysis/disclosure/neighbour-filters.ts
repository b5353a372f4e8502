import { ANALYSIS_FIELDS, type FieldName } from '../fields'
import type { AnalysisFilters } from '../filters'
import { addMonths, monthsInPeriod } from '../months'

export interface NeighbourOptions {
  /**
   * True when a cell adds up several months, so that moving one end of the
   * period by a month changes it by that month's count.
   */
  isSummedOverPeriod: boolean
  /** How many partners exist: a partner list may leave out just one. */
  partnerCount: number
}

/**
 * The queries that differ from `filters` by one value, whose difference
 * with it a reader could take. For every pair of such queries one side
 * withholds the cells the difference would reveal; the side is always the
 * wider query (a list minus one of its values is narrower), except when
 * the wider one is "no filter at all", which cannot know every list that
 * leaves out one value: then the narrower query, the one that leaves out
 * exactly one value of the field's domain, protects.
 *
 * Returned: the narrower neighbours of a multi-valued list, the unfiltered
 * neighbour of a list that misses one value of its domain, and, for cells
 * summed over months, the period shortened by one month at either end.
 */
export function neighbourFilters(
  filters: AnalysisFilters,
  options: NeighbourOptions,
): AnalysisFilters[] {
  const neighbours: AnalysisFilters[] = []
  for (const [name, values] of Object.entries(filters.values)) {
    if (!values) continue
    const field = ANALYSIS_FIELDS[name as FieldName]
    const domainSize = field.domainSize ?? options.partnerCount
    if (values.length >= 2) {
      for (const left of values) {
        neighbours.push(
          withValues(
            filters,
            name as FieldName,
            values.filter((value) => value !== left),
          ),
        )
      }
    }
    if (values.length === domainSize - 1) {
      neighbours.push(withValues(filters, name as FieldName, null))
    }
  }

  const { from, to } = filters.period
  if (options.isSummedOverPeriod && monthsInPeriod(from, to) >= 2) {
    neighbours.push({ ...filters, period: { from: addMonths(from, 1), to } })
    neighbours.push({ ...filters, period: { from, to: addMonths(to, -1) } })
  }

  return neighbours
}

function withValues(
  filters: AnalysisFilters,
  name: FieldName,
  values: readonly string[] | null,
): AnalysisFilters {
  const next = { ...filters.values }
  if (values) next[name] = values
  else delete next[name]

  return { ...filters, values: next }
}

import type { FieldName } from '../fields'
import type { AnalysisFilters } from '../filters'
import { addMonths, monthsInPeriod } from '../months'

export interface NeighbourOptions {
  /**
   * True when a cell adds up several months, so that moving one end of the
   * period by a month changes it by that month's count.
   */
  isSummedOverPeriod: boolean
}

/**
 * The queries whose difference with `filters` a reader could take to learn
 * about one value. For every such pair one side withholds what the
 * difference would reveal: the wider query when it is a list (it checks
 * each list one value shorter), and the filtered query when the wider one
 * is no filter at all, which cannot know every list that leaves out only
 * the values with few persons: so a filtered query also checks itself
 * against the unfiltered one, and withholds a cell whose difference with
 * it is small.
 *
 * Returned: the neighbours one value shorter of a multi-valued list, the
 * unfiltered neighbour of every filtered field, and, for cells summed over
 * months, the period shortened by one month at either end.
 */
export function neighbourFilters(
  filters: AnalysisFilters,
  options: NeighbourOptions,
): AnalysisFilters[] {
  const neighbours: AnalysisFilters[] = []
  for (const [name, values] of Object.entries(filters.values)) {
    if (!values) continue
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
    neighbours.push(withValues(filters, name as FieldName, null))
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

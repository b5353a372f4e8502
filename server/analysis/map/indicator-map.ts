import type { AnalysisContext } from '../analysis-context'
import type { ShownCount } from '../disclosure'
import type { MapRole } from '../fields'
import type { AnalysisFilters, Period } from '../filters'
import { addMonths, monthsInPeriod } from '../months'
import { discloseGrandTotal, discloseRoleTable, TOTAL_KEY } from './map-tables'

export interface MapArea {
  /** Country code, judicial district, or `none`. */
  code: string
  current: ShownCount
  previous: ShownCount
  /** Current minus previous; null when either is withheld. */
  change: number | null
  /** Current over previous; null when withheld or previous is zero. */
  changeRatio: number | null
}

export interface IndicatorMapResult {
  role: MapRole
  period: Period
  previousPeriod: Period
  total: { current: ShownCount; previous: ShownCount }
  areas: MapArea[]
}

/**
 * Persons per country (or Belgian judicial district) in the chosen role,
 * beside the previous period of equal length. Both periods are disclosed
 * on their own; a change is shown only between two shown counts, so it
 * never reveals a withheld one.
 */
export async function computeIndicatorMap(
  context: AnalysisContext,
  filters: AnalysisFilters,
  role: MapRole,
): Promise<IndicatorMapResult> {
  const { period } = filters
  const length = monthsInPeriod(period.from, period.to)
  const previousPeriod = {
    from: addMonths(period.from, -length),
    to: addMonths(period.from, -1),
  }
  const previousFilters = { ...filters, period: previousPeriod }
  const [currentTotal, previousTotal] = await Promise.all([
    discloseGrandTotal(context, filters),
    discloseGrandTotal(context, previousFilters),
  ])
  const [current, previous] = await Promise.all([
    discloseRoleTable(context, filters, role, currentTotal),
    discloseRoleTable(context, previousFilters, role, previousTotal),
  ])
  const codes = new Set([
    ...current.table.cells.keys(),
    ...previous.table.cells.keys(),
  ])
  const areas = [...codes].sort().map((code) => {
    const now = current.show(code)
    const before = previous.show(code)
    const isComparable = !now.isSuppressed && !before.isSuppressed

    return {
      code,
      current: now,
      previous: before,
      change: isComparable ? now.persons! - before.persons! : null,
      changeRatio:
        isComparable && before.persons! > 0
          ? now.persons! / before.persons!
          : null,
    }
  })

  return {
    role,
    period,
    previousPeriod,
    total: {
      current: currentTotal.show(TOTAL_KEY),
      previous: previousTotal.show(TOTAL_KEY),
    },
    areas,
  }
}

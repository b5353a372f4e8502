import type { AnalysisContext } from '../analysis-context'
import {
  type CountTable,
  type DisclosedTable,
  discloseTable,
  emptyTable,
} from '../disclosure'
import type { MapRole } from '../fields'
import type { AnalysisFilters } from '../filters'
import { countIn } from '../query/count-persons'

export const TOTAL_KEY = 'total'

/** Persons of the period under the grand total: a table of one cell. */
export async function discloseGrandTotal(
  context: AnalysisContext,
  filters: AnalysisFilters,
): Promise<DisclosedTable> {
  return discloseTable(
    {
      filters,
      isSummedOverPeriod: true,
      build: async (f) => {
        const table = emptyTable()
        const [row] = await countIn(context, f, [])
        table.cells.set(TOTAL_KEY, row?.persons ?? 0)
        return table
      },
    },
    context.disclosure,
  )
}

/**
 * Persons per country (or district) in one role over the period: one cell
 * per value and the grand total as their line, which keeps the decision of
 * the grand total's own table so that every view shows the same total.
 */
export async function discloseRoleTable(
  context: AnalysisContext,
  filters: AnalysisFilters,
  role: MapRole,
  grandTotal: DisclosedTable,
): Promise<DisclosedTable> {
  return discloseTable(
    {
      filters,
      isSummedOverPeriod: true,
      build: (f) => buildRoleTable(context, f, role),
      decided: new Map([[TOTAL_KEY, grandTotal.hidden.has(TOTAL_KEY)]]),
    },
    context.disclosure,
  )
}

async function buildRoleTable(
  context: AnalysisContext,
  filters: AnalysisFilters,
  role: MapRole,
): Promise<CountTable> {
  const [rows, totals] = await Promise.all([
    countIn(context, filters, [role]),
    countIn(context, filters, []),
  ])
  const table = emptyTable()
  for (const row of rows) table.cells.set(row.keys[0]!, row.persons)
  table.lines.set(TOTAL_KEY, {
    count: totals[0]?.persons ?? 0,
    members: [...table.cells.keys()],
  })

  return table
}

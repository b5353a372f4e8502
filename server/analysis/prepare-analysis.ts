import { sql } from 'drizzle-orm'
import type { z } from 'zod'
import { selectRows } from '../../db/rows'
import { validationFailed } from '../http/app-error'
import type { Services } from '../services'
import type { AnalysisContext } from './analysis-context'
import {
  type AnalysisFilters,
  parseAnalysisQuery,
  resolvePeriod,
} from './filters'
import { monthIndex } from './months'
import { monthsWithRecords, sharedCounts } from './query/count-persons'

/**
 * Everything an analysis request needs before it counts: its parsed query,
 * the period settled against the data, known partners checked, and the
 * disclosure rule of this server.
 */
export async function prepareAnalysis<Shape extends z.ZodRawShape>(
  services: Services,
  query: Record<string, string>,
  ownParams: Shape,
  defaultMonths: number,
) {
  const { db } = services.database
  const { filters: requested, params } = parseAnalysisQuery(query, ownParams)
  const [known, partners] = await Promise.all([
    monthsWithRecords(db),
    selectRows<{ id: string }>(db, sql`select id::text as id from partners`),
  ])
  const partnerIds = new Set(partners.map((row) => row.id))
  const unknownPartners = (requested.values.partner ?? []).filter(
    (id) => !partnerIds.has(id),
  )
  if (unknownPartners.length > 0) {
    throw validationFailed(
      unknownPartners.map((id) => ({
        path: 'partner',
        code: 'unknown_partner',
        message: `partner: '${id}' is not a known partner`,
      })),
    )
  }
  const thisMonth = services.now().toISOString().slice(0, 7)
  const period = resolvePeriod(
    requested,
    known?.latest ?? thisMonth,
    defaultMonths,
  )
  // A default period starts no earlier than the records: months before
  // them would read as zeros and look like a sudden rise.
  const isBeforeRecords =
    !requested.from &&
    known !== null &&
    monthIndex(period.from) < monthIndex(known.first) &&
    monthIndex(known.first) <= monthIndex(period.to)
  const filters: AnalysisFilters = {
    period: isBeforeRecords ? { ...period, from: known.first } : period,
    countMode: requested.countMode,
    values: requested.values,
  }
  const context: AnalysisContext = {
    db,
    disclosure: {
      thresholdPersons: services.config.disclosureThreshold,
    },
    counts: sharedCounts(db),
  }

  return { context, filters, params }
}

/** What every answer says about how it was counted and protected. */
export const describeCounting = (
  context: AnalysisContext,
  filters: AnalysisFilters,
) => ({
  countMode: filters.countMode,
  filters: filters.values,
  disclosureThreshold: context.disclosure.thresholdPersons,
})

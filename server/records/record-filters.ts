import { type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'
import { ANALYSIS_FIELDS, type FieldName } from '../analysis/fields'
import { FILTER_PARAMS, queryIssues } from '../analysis/filters'
import { fieldCondition } from '../analysis/query/field-condition'
import { validationFailed } from '../http/app-error'

const { count: _countMode, ...SHARED_PARAMS } = FILTER_PARAMS

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The shared filters of the analyses, plus the import batch. */
export const RECORD_FILTER_PARAMS = {
  ...SHARED_PARAMS,
  batch: z
    .string()
    .regex(UUID, 'batch must be the id (UUID) of an import batch')
    .optional(),
}

/** Which records a listing or an export covers. */
export interface RecordFilters {
  from?: string | undefined
  to?: string | undefined
  batchId?: string | undefined
  values: Partial<Record<FieldName, readonly string[]>>
}

/**
 * Reads the filters (and an endpoint's own parameters) from a query
 * string. Unknown parameters and values are refused by name, so that a
 * misspelt filter never silently widens what is read.
 */
export function parseRecordQuery<Shape extends z.ZodRawShape>(
  query: Record<string, string>,
  ownParams: Shape,
) {
  const parsed = z
    .strictObject({ ...RECORD_FILTER_PARAMS, ...ownParams })
    .safeParse(query)
  if (!parsed.success) throw validationFailed(queryIssues(parsed.error))
  const data = parsed.data as Record<string, unknown>
  const values: RecordFilters['values'] = {}
  for (const name of Object.keys(ANALYSIS_FIELDS) as FieldName[]) {
    const list = data[name] as string[] | undefined
    if (list) values[name] = list
  }
  const filters: RecordFilters = {
    from: data.from as string | undefined,
    to: data.to as string | undefined,
    batchId: data.batch as string | undefined,
    values,
  }

  return { filters, params: parsed.data as z.infer<z.ZodObject<Shape>> }
}

/** The SQL condition on `records` that the filters describe. */
export function recordFiltersWhere(filters: RecordFilters): SQL {
  const conditions: SQL[] = [sql`true`]
  if (filters.from) {
    conditions.push(sql`records.observed_on >= ${`${filters.from}-01`}`)
  }
  if (filters.to) {
    conditions.push(sql`records.observed_on <= ${`${filters.to}-01`}`)
  }
  if (filters.batchId) {
    conditions.push(sql`records.batch_id = ${filters.batchId}`)
  }
  for (const [name, values] of Object.entries(filters.values)) {
    if (values) {
      conditions.push(fieldCondition('records', name as FieldName, values))
    }
  }

  return sql.join(conditions, sql` and `)
}

import { type SQL, sql } from 'drizzle-orm'
import { ANALYSIS_FIELDS, type FieldName, NONE } from '../fields'

/**
 * The SQL condition one coded filter sets on a table holding the record
 * columns (`records` or a rollup, named by `alias`): any of the listed
 * values, and `none` for a missing value or an empty list.
 */
export function fieldCondition(
  alias: string,
  name: FieldName,
  values: readonly string[],
): SQL {
  const field = ANALYSIS_FIELDS[name]
  const column = sql.raw(`${alias}.${field.column}`)
  const known = values.filter((value) => value !== NONE)
  const listed = sql.join(
    known.map((value) => sql`${value}`),
    sql`, `,
  )
  const parts: SQL[] = []
  if (known.length > 0) {
    parts.push(
      field.isList
        ? sql`${column} && array[${listed}]::text[]`
        : sql`${column} in (${listed})`,
    )
  }
  if (values.includes(NONE)) {
    parts.push(
      field.isList ? sql`cardinality(${column}) = 0` : sql`${column} is null`,
    )
  }

  return sql`(${sql.join(parts, sql` or `)})`
}

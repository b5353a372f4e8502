import { type SQL, sql } from 'drizzle-orm'
import type { Database } from '../../../db/open-database'
import { selectRows } from '../../../db/rows'
import type { AnalysisContext } from '../analysis-context'
import { ANALYSIS_FIELDS, type FieldName, NONE } from '../fields'
import type { AnalysisFilters } from '../filters'
import { firstDayOf } from '../months'
import { fieldCondition } from './field-condition'
import { chooseSource, LINKED_ROLLUP, type SourceTable } from './rollups'

export const INTERVALS = ['month', 'quarter', 'year'] as const
export type Interval = (typeof INTERVALS)[number]

/**
 * What a count is grouped by: a time bucket, a coded field (a list field
 * counts a record once under each of its values), or `transitPath`, the
 * whole ordered list of transit countries joined by `>`.
 */
export type GroupKey = Interval | FieldName | 'transitPath'

export interface CountRow {
  /** One value per group key; a missing value reads `none`. */
  keys: string[]
  persons: number
  /**
   * Records behind the persons: a record covers one person or a group, so
   * records follow a Poisson process far more closely than persons do.
   * Never published; the signals test it (see `signals/detect-signals.ts`).
   */
  records: number
}

const BUCKET_FORMATS: Record<Interval, string> = {
  month: 'YYYY-MM',
  quarter: 'YYYY-"Q"Q',
  year: 'YYYY',
}

/**
 * Counts persons (or distinct persons) of the filtered records, grouped by
 * `groupBy`. Reads the smallest rollup that can answer, so the same
 * question costs milliseconds on millions of records.
 *
 * A distinct count is the persons of the rollup less the surplus of the
 * linked records, their persons less their distinct keys;
 * `analysis_linked_cube` holds only the records whose key another record
 * shares or that carry a key for several persons, so no question reads
 * every record.
 */
export async function countPersons(
  db: Database,
  filters: AnalysisFilters,
  groupBy: readonly GroupKey[],
): Promise<CountRow[]> {
  const source = chooseSource(neededColumns(filters, groupBy))
  const counted = aggregate(source, filters, groupBy, {
    persons: sql`sum(src.persons)`,
    records: recordsMeasure(source),
  })
  const keys = groupBy.map((_, i) => sql.raw(`k${i}`))
  const query =
    filters.countMode === 'persons'
      ? counted
      : sql`select ${sql.join(
          [...keys, sql`sum(persons) as persons, sum(records) as records`],
          sql`, `,
        )} from (${counted} union all ${aggregate(
          LINKED_ROLLUP,
          filters,
          groupBy,
          {
            persons: sql`count(distinct src.linkage_key) - sum(src.persons)`,
            records: sql`0`,
          },
        )}) as counted${groupClause(groupBy)}`

  const rows = await selectRows<Record<string, unknown>>(db, query)

  // Tens of thousands of rows for the widest splits: one plain loop.
  const names = groupBy.map((_, i) => `k${i}`)
  const counts: CountRow[] = []
  for (const row of rows) {
    const persons = Number(row.persons ?? 0)
    if (persons <= 0) continue
    counts.push({
      keys: names.map((name) => toKey(row[name])),
      persons,
      records: Number(row.records ?? 0),
    })
  }

  return counts
}

/** One aggregate of `table` with the group keys as `k0`, `k1`, ... */
function aggregate(
  table: string,
  filters: AnalysisFilters,
  groupBy: readonly GroupKey[],
  measures: { persons: SQL; records: SQL },
): SQL {
  const selected = groupBy.map(
    (key, i) => sql`${keyExpression(key)} as ${sql.raw(`k${i}`)}`,
  )
  const lateral = groupBy
    .filter((key): key is FieldName => isListField(key))
    .map((key) => {
      const column = sql.raw(`src.${ANALYSIS_FIELDS[key].column}`)
      return sql` cross join lateral unnest(case when cardinality(${column}) = 0
        then array[null]::text[] else ${column} end) as ${sql.raw(
          `u_${key}`,
        )}(value)`
    })

  return sql`select ${sql.join(
    [
      ...selected,
      sql`(${measures.persons})::float8 as persons`,
      sql`(${measures.records})::float8 as records`,
    ],
    sql`, `,
  )} from ${sql.raw(table)} as src${sql.join(lateral, sql``)} where ${whereClause(
    filters,
  )}${groupClause(groupBy, true)}`
}

/**
 * The GROUP BY of the keys, by position; on a table (`isOnTable`), months
 * group by the date itself, which PostgreSQL compares far faster than the
 * text of each row's month, and are formatted once per group.
 */
function groupClause(groupBy: readonly GroupKey[], isOnTable = false): SQL {
  if (groupBy.length === 0) return sql``
  const terms = groupBy.map((key, i) =>
    isOnTable && key === 'month' ? 'src.observed_on' : String(i + 1),
  )

  return sql` group by ${sql.raw(terms.join(', '))}`
}

/** A way to count: `countPersons` on one database, perhaps shared. */
export type CountQuery = (
  filters: AnalysisFilters,
  groupBy: readonly GroupKey[],
) => Promise<CountRow[]>

/**
 * Counts that answer each distinct question once, for the tables of one
 * answer; made per answer, so it never outlives the records it read.
 */
export function sharedCounts(
  db: Database,
  count: CountQuery = (filters, groupBy) => countPersons(db, filters, groupBy),
): CountQuery {
  const known = new Map<string, Promise<CountRow[]>>()

  return (filters, groupBy) => {
    const key = JSON.stringify([filters, groupBy])
    const rows = known.get(key) ?? count(filters, groupBy)
    known.set(key, rows)
    return rows
  }
}

/** Counts through the context's shared counts when it has them. */
export const countIn = (
  context: AnalysisContext,
  filters: AnalysisFilters,
  groupBy: readonly GroupKey[],
): Promise<CountRow[]> =>
  context.counts
    ? context.counts(filters, groupBy)
    : countPersons(context.db, filters, groupBy)

/** The first and latest months with any record; null when there are none. */
export async function monthsWithRecords(
  db: Database,
): Promise<{ first: string; latest: string } | null> {
  const [row] = await selectRows<{
    first: string | null
    latest: string | null
  }>(
    db,
    sql`select to_char(min(observed_on), 'YYYY-MM') as first,
               to_char(max(observed_on), 'YYYY-MM') as latest
        from analysis_cube`,
  )
  if (!row?.first || !row.latest) return null

  return { first: row.first, latest: row.latest }
}

function neededColumns(
  filters: AnalysisFilters,
  groupBy: readonly GroupKey[],
): string[] {
  const fields = Object.keys(filters.values) as FieldName[]
  const columns = fields.map((name) => ANALYSIS_FIELDS[name].column)
  for (const key of groupBy) {
    if (key === 'transitPath') columns.push('transit')
    else if (key in ANALYSIS_FIELDS) {
      columns.push(ANALYSIS_FIELDS[key as FieldName].column)
    }
  }

  return columns
}

const isListField = (key: GroupKey): boolean =>
  key in ANALYSIS_FIELDS && ANALYSIS_FIELDS[key as FieldName].isList

function keyExpression(key: GroupKey): SQL {
  if (key === 'month' || key === 'quarter' || key === 'year') {
    return sql`to_char(src.observed_on, ${sql.raw(`'${BUCKET_FORMATS[key]}'`)})`
  }
  if (key === 'transitPath') return sql`array_to_string(src.transit, '>')`
  if (isListField(key)) return sql.raw(`u_${key}.value`)

  return sql`src.${sql.raw(ANALYSIS_FIELDS[key].column)}::text`
}

function recordsMeasure(source: SourceTable): SQL {
  if (source === 'records') return sql`count(*)::float8`

  return sql`sum(src.records)::float8`
}

function whereClause(filters: AnalysisFilters): SQL {
  const conditions: SQL[] = [
    sql`src.observed_on between ${firstDayOf(filters.period.from)}
                            and ${firstDayOf(filters.period.to)}`,
  ]
  for (const [name, values] of Object.entries(filters.values)) {
    if (!values) continue
    conditions.push(fieldCondition('src', name as FieldName, values))
  }

  return sql.join(conditions, sql` and `)
}

function toKey(value: unknown): string {
  if (value === null || value === undefined || value === '') return NONE

  return String(value).trim()
}

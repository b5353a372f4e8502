import { type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '../../db/open-database'
import { records } from '../../db/schema'
import { AppError } from '../http/app-error'
import type { StoredRecord } from './record-fields'
import { type RecordFilters, recordFiltersWhere } from './record-filters'
import { fromRecordRow } from './record-rows'

export const RECORD_SORTS = [
  'id',
  '-id',
  'observedOn',
  '-observedOn',
  'submittedAt',
  '-submittedAt',
] as const
export type RecordSort = (typeof RECORD_SORTS)[number]

export const MAX_PAGE_SIZE = 500

/** The listing's own query parameters, beside the shared filters. */
export const LIST_PARAMS = {
  sort: z
    .enum(RECORD_SORTS, { error: `sort must be one of ${RECORD_SORTS}` })
    .default('-id'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce
    .number({ error: `limit must be a whole number up to ${MAX_PAGE_SIZE}` })
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(50),
}

export interface RecordPage {
  records: StoredRecord[]
  /** Pass as `cursor` to read the next page; null on the last page. */
  nextCursor: string | null
}

const SORT_COLUMNS = {
  id: null,
  observedOn: sql.raw('records.observed_on'),
  submittedAt: sql.raw('records.submitted_at'),
} as const

/**
 * One page of the filtered records in a stable order. The cursor holds
 * the sort value and id of the page's last record (keyset pagination), so
 * pages neither skip nor repeat records while new ones arrive.
 */
export async function listRecords(
  db: Pick<Database, 'select'>,
  filters: RecordFilters,
  page: { sort: RecordSort; cursor?: string | undefined; limit: number },
): Promise<RecordPage> {
  const isDescending = page.sort.startsWith('-')
  const key = page.sort.replace('-', '') as keyof typeof SORT_COLUMNS
  const column = SORT_COLUMNS[key]
  const direction = sql.raw(isDescending ? 'desc' : 'asc')
  const conditions = [recordFiltersWhere(filters)]
  if (page.cursor) {
    conditions.push(
      afterCursor(decodeCursor(page.cursor), column, isDescending),
    )
  }
  const order = column
    ? sql`${column} ${direction}, records.id ${direction}`
    : sql`records.id ${direction}`

  const rows = await db
    .select()
    .from(records)
    .where(sql.join(conditions, sql` and `))
    .orderBy(order)
    .limit(page.limit + 1)
  const pageRows = rows.slice(0, page.limit)
  const last = pageRows.at(-1)
  const hasMore = rows.length > page.limit

  return {
    records: pageRows.map(fromRecordRow),
    nextCursor:
      hasMore && last ? encodeCursor(cursorValue(last, key), last.id) : null,
  }
}

type Cursor = [value: string | null, id: number]

function afterCursor(
  [value, id]: Cursor,
  column: SQL | null,
  isDescending: boolean,
): SQL {
  const comparison = sql.raw(isDescending ? '<' : '>')
  if (!column) return sql`records.id ${comparison} ${id}`

  return sql`(${column}, records.id) ${comparison} (${value}, ${id})`
}

function cursorValue(
  row: typeof records.$inferSelect,
  key: keyof typeof SORT_COLUMNS,
): string | null {
  if (key === 'observedOn') return String(row.observedOn)
  if (key === 'submittedAt') return new Date(row.submittedAt).toISOString()

  return null
}

function encodeCursor(value: string | null, id: number): string {
  return Buffer.from(JSON.stringify([value, Number(id)])).toString('base64url')
}

function decodeCursor(cursor: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString())
    const isCursor =
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || parsed[0] === null) &&
      Number.isSafeInteger(parsed[1])
    if (isCursor) return parsed as Cursor
  } catch {
    // Falls through to the same answer as a well-formed but wrong cursor.
  }
  throw new AppError(400, 'validation_failed', 'cursor is not valid', {
    issues: [
      {
        path: 'cursor',
        code: 'invalid_cursor',
        message: 'cursor must be the nextCursor of a previous page',
      },
    ],
  })
}

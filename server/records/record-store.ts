import { eq, inArray } from 'drizzle-orm'
import type { Database } from '../../db/open-database'
import { records } from '../../db/schema'
import type { RecordValues, StoredRecord } from './record-fields'
import { fromRecordRow, type Submission, toRecordInsert } from './record-rows'

type Writer = Pick<Database, 'insert'>

// 25 columns a row: 1,000 rows stay well under PostgreSQL's 65,535
// parameters per statement.
const ROWS_PER_INSERT = 1_000

/** Stores checked records in order and returns their new ids. */
export async function insertRecords(
  db: Writer,
  values: readonly RecordValues[],
  submission: Submission,
): Promise<number[]> {
  const ids: number[] = []
  for (let start = 0; start < values.length; start += ROWS_PER_INSERT) {
    const chunk = values
      .slice(start, start + ROWS_PER_INSERT)
      .map((record) => toRecordInsert(record, submission))
    const inserted = await db
      .insert(records)
      .values(chunk)
      .returning({ id: records.id })
    ids.push(...inserted.map((row) => Number(row.id)))
  }

  return ids
}

export async function findRecord(
  db: Pick<Database, 'select'>,
  id: number,
): Promise<StoredRecord | null> {
  const [row] = await db.select().from(records).where(eq(records.id, id))

  return row ? fromRecordRow(row) : null
}

export async function findRecords(
  db: Pick<Database, 'select'>,
  ids: readonly number[],
): Promise<StoredRecord[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select()
    .from(records)
    .where(inArray(records.id, [...ids]))

  return rows.map(fromRecordRow)
}

/** Replaces the partner-set values of a record; keeps who stored it. */
export async function replaceRecordValues(
  db: Pick<Database, 'update'>,
  id: number,
  values: RecordValues,
): Promise<void> {
  const {
    partnerId: _p,
    submittedAt: _s,
    ...row
  } = toRecordInsert(values, {
    partnerId: '',
    submittedBy: null,
    tokenId: null,
    submittedAt: new Date(0),
    batchId: null,
  })
  const {
    submittedBy: _submittedBy,
    tokenId: _tokenId,
    batchId: _batchId,
    ...changes
  } = row

  await db.update(records).set(changes).where(eq(records.id, id))
}

export async function deleteRecord(
  db: Pick<Database, 'delete'>,
  id: number,
): Promise<void> {
  await db.delete(records).where(eq(records.id, id))
}

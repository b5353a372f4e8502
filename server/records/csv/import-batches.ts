import { and, desc, eq, sql } from 'drizzle-orm'
import type { Database } from '../../../db/open-database'
import { importBatches, records } from '../../../db/schema'
import type { ImportReport } from './import-report'

type BatchRow = typeof importBatches.$inferSelect

/** An import as the API lists it. */
export interface ImportBatch {
  id: string
  partnerId: string
  submittedBy: string | null
  tokenId: string | null
  fileName: string | null
  rowsRead: number
  rowsAccepted: number
  status: 'stored' | 'withdrawn'
  createdAt: string
  withdrawnAt: string | null
  report: ImportReport
}

export function toImportBatch(row: BatchRow): ImportBatch {
  return {
    id: row.id,
    partnerId: row.partnerId,
    submittedBy: row.submittedBy,
    tokenId: row.tokenId,
    fileName: row.fileName,
    rowsRead: row.rowsRead,
    rowsAccepted: row.rowsAccepted,
    status: row.status,
    createdAt: new Date(row.createdAt).toISOString(),
    withdrawnAt: row.withdrawnAt
      ? new Date(row.withdrawnAt).toISOString()
      : null,
    report: row.report as ImportReport,
  }
}

export async function findBatchByKey(
  db: Pick<Database, 'select'>,
  partnerId: string,
  idempotencyKey: string,
): Promise<ImportBatch | null> {
  const [row] = await db
    .select()
    .from(importBatches)
    .where(
      and(
        eq(importBatches.partnerId, partnerId),
        eq(importBatches.idempotencyKey, idempotencyKey),
      ),
    )

  return row ? toImportBatch(row) : null
}

export async function findBatch(
  db: Pick<Database, 'select'>,
  id: string,
): Promise<ImportBatch | null> {
  const [row] = await db
    .select()
    .from(importBatches)
    .where(eq(importBatches.id, id))

  return row ? toImportBatch(row) : null
}

/** A partner's imports, newest first. */
export async function listBatches(
  db: Pick<Database, 'select'>,
  partnerId: string,
  limit: number,
): Promise<ImportBatch[]> {
  const rows = await db
    .select()
    .from(importBatches)
    .where(eq(importBatches.partnerId, partnerId))
    .orderBy(desc(importBatches.createdAt))
    .limit(limit)

  return rows.map(toImportBatch)
}

/** Removes a batch's records and marks it withdrawn; returns how many. */
export async function withdrawBatchRecords(
  tx: Pick<Database, 'delete' | 'update'>,
  id: string,
  withdrawnBy: string | null,
  withdrawnAt: Date,
): Promise<number> {
  const removed = await tx
    .delete(records)
    .where(eq(records.batchId, id))
    .returning({ id: records.id })
  await tx
    .update(importBatches)
    .set({ status: 'withdrawn', withdrawnAt, withdrawnBy })
    .where(eq(importBatches.id, id))

  return removed.length
}

/** Whether an error is PostgreSQL's unique violation (a raced key). */
export function isUniqueViolation(error: unknown): boolean {
  const codes = [error, (error as { cause?: unknown })?.cause].map(
    (e) => (e as { code?: unknown } | undefined)?.code,
  )

  return codes.includes('23505')
}

export const batchRecordCount = (id: string) =>
  sql`select count(*)::int as n from records where batch_id = ${id}`

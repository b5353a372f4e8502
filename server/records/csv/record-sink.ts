import { once } from 'node:events'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import type postgres from 'postgres'
import type { Database, DatabaseHandle } from '../../../db/open-database'
import * as schema from '../../../db/schema'
import type { RecordValues } from '../record-fields'
import type { Submission } from '../record-rows'
import { insertRecords } from '../record-store'
import { COPY_COLUMNS, copyLine, submissionCells } from './copy-format'

/** Where an import writes its checked records, inside one transaction. */
export interface RecordSink {
  write(values: RecordValues): Promise<void>
  /** Sends what is buffered and stops; later writes are refused. */
  close(): Promise<void>
}

/** What runs inside the import's transaction. */
export type SinkWork<T> = (
  tx: Database,
  openSink: (submission: Submission) => Promise<RecordSink>,
) => Promise<T>

// Enough lines per write to keep the per-call cost of the COPY stream
// small, few enough to keep memory flat.
const LINES_PER_CHUNK = 500
const ROWS_PER_INSERT = 1_000

/**
 * Runs `work` in one transaction and gives it a sink for records: COPY on
 * PostgreSQL (plain rows, so triggers on `records` see them), batched
 * INSERTs on PGlite. Whatever `work` throws rolls everything back.
 */
export async function inImportTransaction<T>(
  database: DatabaseHandle,
  work: SinkWork<T>,
): Promise<T> {
  if (database.postgres) return inPostgresTransaction(database.postgres, work)

  return database.db.transaction((tx) =>
    work(tx as unknown as Database, async (submission) =>
      insertSink(tx as unknown as Database, submission),
    ),
  )
}

async function inPostgresTransaction<T>(
  client: postgres.Sql,
  work: SinkWork<T>,
): Promise<T> {
  let openCopy: RecordSink | null = null
  try {
    return (await client.begin(async (sql) => {
      // Drizzle wants the client's options to install its type parsers;
      // a transaction shares them with its client, which already has them.
      const transactionClient = Object.assign(sql, { options: client.options })
      const tx = drizzlePostgres(transactionClient as unknown as postgres.Sql, {
        schema,
        casing: 'snake_case',
      }) as unknown as Database

      return work(tx, async (submission) => {
        openCopy = await copySink(sql, submission)

        return openCopy
      })
    })) as T
  } finally {
    // A COPY left open would hold the connection; by now the transaction
    // has ended, so closing it only releases the stream.
    await (openCopy as RecordSink | null)?.close().catch(() => {})
  }
}

async function copySink(
  sql: postgres.TransactionSql,
  submission: Submission,
): Promise<RecordSink> {
  const columns = COPY_COLUMNS.join(', ')
  const stream = await sql
    .unsafe(`copy records (${columns}) from stdin`)
    .writable()
  const prefix = submissionCells(submission)
  let pending = ''
  let pendingLines = 0
  let isClosed = false

  const flush = async () => {
    if (pendingLines === 0) return
    const chunk = pending
    pending = ''
    pendingLines = 0
    // `once` rejects if the stream fails while we wait, and cleans up.
    if (!stream.write(chunk)) await once(stream, 'drain')
  }

  return {
    async write(values) {
      if (isClosed) throw new Error('The record sink is closed')
      pending += copyLine(prefix, values)
      pendingLines++
      if (pendingLines >= LINES_PER_CHUNK) await flush()
    },
    async close() {
      if (isClosed) return
      isClosed = true
      await flush()
      await new Promise<void>((resolve, reject) => {
        stream.once('error', reject)
        stream.end(resolve)
      })
    },
  }
}

function insertSink(tx: Database, submission: Submission): RecordSink {
  let pending: RecordValues[] = []
  let isClosed = false
  const flush = async () => {
    if (pending.length === 0) return
    const chunk = pending
    pending = []
    await insertRecords(tx, chunk, submission)
  }

  return {
    async write(values) {
      if (isClosed) throw new Error('The record sink is closed')
      pending.push(values)
      if (pending.length >= ROWS_PER_INSERT) await flush()
    },
    async close() {
      if (isClosed) return
      isClosed = true
      await flush()
    },
  }
}

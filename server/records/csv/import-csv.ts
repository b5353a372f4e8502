import { eq } from 'drizzle-orm'
import { importBatches } from '../../../db/schema'
import { recordAudit } from '../../audit/audit-trail'
import type { Actor } from '../../auth/actor'
import { AppError, validationFailed } from '../../http/app-error'
import type { Services } from '../../services'
import { checkRecord } from '../check-record'
import { monthOfDate } from '../generalise'
import { submissionOf } from '../record-rows'
import { checkHeader, rowToInput } from './csv-columns'
import { type CsvRow, ImportTooLargeError, readCsvRows } from './csv-rows'
import {
  findBatchByKey,
  type ImportBatch,
  isUniqueViolation,
} from './import-batches'
import {
  addRefusedRow,
  emptyReport,
  type ImportReport,
  reportIssues,
} from './import-report'
import { inImportTransaction, type RecordSink } from './record-sink'

export interface ImportOptions {
  /** Check the file and report, store nothing. */
  isDryRun: boolean
  /** Store the valid rows even when others are refused. */
  isPartial: boolean
  /** A re-sent import with the same key is stored once. */
  idempotencyKey: string | null
  fileName: string | null
  actor: Actor
  ipAddress: string | null
}

/** What became of an import: the HTTP layer picks the status from it. */
export type ImportOutcome =
  | { kind: 'stored'; report: ImportReport }
  | { kind: 'checked'; report: ImportReport }
  | { kind: 'replayed'; report: ImportReport; batch: ImportBatch }

/** Thrown inside the transaction to roll back a refused import. */
class RefusedImport extends Error {
  constructor(readonly report: ImportReport) {
    super('import refused')
  }
}

/**
 * Imports a CSV file of records as it streams in: header, then each row
 * checked like a JSON record and written to the database at once. All or
 * nothing unless `isPartial`; a refused import throws 400
 * `validation_failed` with the report, and stores nothing.
 */
export async function importCsv(
  services: Services,
  body: ReadableStream<Uint8Array>,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const replay = await findReplay(services, options)
  if (replay) return replay
  const rows = readCsvRows(body, services.config.importMaxBytes)

  try {
    const header = await readHeader(rows)
    if (options.isDryRun) {
      const report = emptyReport(true)
      await checkRows(services, rows, header, report, null, options)

      return { kind: 'checked', report }
    }

    return await storeRows(services, rows, header, options)
  } catch (error) {
    throw await asAppError(services, error, options)
  } finally {
    // Stops reading the body if the import ended early (a refused header,
    // a database failure); a no-op when every row was read.
    await rows.return(undefined)
  }
}

async function storeRows(
  services: Services,
  rows: AsyncGenerator<CsvRow>,
  header: string[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  const now = services.now()

  const report = await inImportTransaction(
    services.database,
    async (tx, openSink) => {
      const [batch] = await tx
        .insert(importBatches)
        .values({
          partnerId: options.actor.partnerId,
          submittedBy: submissionOf(options.actor, now).submittedBy,
          tokenId: submissionOf(options.actor, now).tokenId,
          idempotencyKey: options.idempotencyKey,
          fileName: options.fileName,
          rowsRead: 0,
          rowsAccepted: 0,
          report: {},
          createdAt: now,
        })
        .returning({ id: importBatches.id })
      const batchId = batch!.id
      const sink = await openSink(submissionOf(options.actor, now, batchId))
      const report = emptyReport(false)
      report.batchId = batchId
      await checkRows(services, rows, header, report, sink, options)
      await sink.close()
      const isRefused = report.rowsRefused > 0 && !options.isPartial
      if (isRefused || report.rowsAccepted === 0) {
        throw new RefusedImport({ ...report, batchId: null })
      }
      report.isStored = true
      await tx
        .update(importBatches)
        .set({
          rowsRead: report.rowsRead,
          rowsAccepted: report.rowsAccepted,
          report,
        })
        .where(eq(importBatches.id, batchId))
      await recordAudit(
        tx,
        {
          action: 'records.imported',
          actor: options.actor,
          targetType: 'import_batch',
          targetId: batchId,
          ipAddress: options.ipAddress,
          details: {
            rowsRead: report.rowsRead,
            rowsAccepted: report.rowsAccepted,
            rowsRefused: report.rowsRefused,
          },
        },
        now,
      )

      return report
    },
  )

  return { kind: 'stored', report }
}

async function checkRows(
  services: Services,
  rows: AsyncGenerator<CsvRow>,
  header: string[],
  report: ImportReport,
  sink: RecordSink | null,
  options: ImportOptions,
): Promise<void> {
  const context = { latestMonth: monthOfDate(services.now()) }
  for await (const { line, cells } of rows) {
    report.rowsRead++
    if (cells.length > header.length) {
      addRefusedRow(report, {
        line,
        issues: [
          {
            path: `column ${header.length + 1}`,
            code: 'extra_cells',
            message: `the row has ${cells.length} cells for ${header.length} columns`,
          },
        ],
      })
      continue
    }
    const result = checkRecord(rowToInput(header, cells), context)
    if (!result.isValid) {
      addRefusedRow(report, { line, issues: result.issues })
      continue
    }
    report.rowsAccepted++
    // Once an all-or-nothing import has a refused row nothing more will
    // be stored; the rest of the file is still read for the report.
    const isStillStoring = options.isPartial || report.rowsRefused === 0
    if (sink && isStillStoring) await sink.write(result.values)
  }
}

async function readHeader(rows: AsyncGenerator<CsvRow>): Promise<string[]> {
  const first = await rows.next()
  if (first.done) {
    throw validationFailed([
      {
        path: '',
        code: 'empty_file',
        message: 'The file has no header row and no records',
      },
    ])
  }

  return checkHeader(first.value.cells, first.value.line)
}

async function findReplay(
  services: Services,
  options: ImportOptions,
): Promise<ImportOutcome | null> {
  if (!options.idempotencyKey || options.isDryRun) return null
  const batch = await findBatchByKey(
    services.database.db,
    options.actor.partnerId,
    options.idempotencyKey,
  )

  return batch ? { kind: 'replayed', report: batch.report, batch } : null
}

async function asAppError(
  services: Services,
  error: unknown,
  options: ImportOptions,
): Promise<unknown> {
  if (error instanceof RefusedImport) {
    await recordAudit(
      services.database.db,
      {
        action: 'records.import_refused',
        outcome: 'failure',
        actor: options.actor,
        ipAddress: options.ipAddress,
        details: {
          rowsRead: error.report.rowsRead,
          rowsRefused: error.report.rowsRefused,
        },
      },
      services.now(),
    )
    const message =
      error.report.rowsRead === 0
        ? 'The file has a header but no records'
        : `${error.report.rowsRefused} of ${error.report.rowsRead} rows ` +
          'were refused; nothing was stored'

    return new AppError(400, 'validation_failed', message, {
      issues: reportIssues(error.report),
      report: error.report,
    })
  }
  if (error instanceof ImportTooLargeError) {
    return new AppError(413, 'payload_too_large', error.message)
  }
  if (isCsvError(error)) {
    // csv-parse's own message may quote the offending cell; name only the
    // rule and the line.
    const { code, lines } = error as Error & { code: string; lines?: number }
    return new AppError(
      400,
      'invalid_csv',
      `The file is not valid CSV (${code}) near line ${lines ?? '?'}`,
    )
  }
  if (isUniqueViolation(error) && options.idempotencyKey) {
    return new AppError(
      409,
      'import_in_progress',
      'An import with this Idempotency-Key was stored meanwhile; re-send it to read its report',
    )
  }

  return error
}

function isCsvError(error: unknown): error is Error {
  const code = (error as { code?: unknown })?.code

  return typeof code === 'string' && code.startsWith('CSV_')
}

import { and, asc, gt, sql } from 'drizzle-orm'
import { Hono } from 'hono'
import type { Database } from '../../../db/open-database'
import { records } from '../../../db/schema'
import { recordAudit } from '../../audit/audit-trail'
import type { AppEnv } from '../../auth/actor'
import { AppError } from '../../http/app-error'
import { clientAddress } from '../../http/client-address'
import type { Services } from '../../services'
import { RECORD_FIELD_NAMES, type StoredRecord } from '../record-fields'
import {
  parseRecordQuery,
  type RecordFilters,
  recordFiltersWhere,
} from '../record-filters'
import { fromRecordRow } from '../record-rows'
import { canRead } from '../records-routes'
import { csvLine } from './csv-cells'
import { checkExportDisclosure } from './disclosure-check'

/** The columns of an export, in order; lists are joined with `|`. */
export const EXPORT_COLUMNS = [
  'id',
  'partnerId',
  'batchId',
  'submittedAt',
  ...RECORD_FIELD_NAMES,
] as const satisfies readonly (keyof StoredRecord)[]

const ROWS_PER_PAGE = 2_000

/**
 * The filtered records as CSV, only when every combination of the
 * quasi-identifiers holds at least the export threshold of records;
 * otherwise 409 `disclosure_risk` naming the combinations that fall
 * short. Both outcomes are audited.
 */
export function exportRoutes(services: Services) {
  const { db } = services.database
  const threshold = services.config.exportDisclosureThreshold

  return new Hono<AppEnv>().get(
    '/api/records/export.csv',
    canRead,
    async (c) => {
      const { filters } = parseRecordQuery(c.req.query(), {})
      const check = await checkExportDisclosure(db, filters, threshold)
      const isSafe = check.smallCombinations.length === 0
      await recordAudit(
        db,
        {
          action: isSafe ? 'records.exported' : 'records.export_refused',
          outcome: isSafe ? 'success' : 'failure',
          actor: c.get('actor'),
          ipAddress: clientAddress(c),
          details: {
            filters: describeFilters(filters),
            records: check.recordCount,
          },
        },
        services.now(),
      )
      if (!isSafe) {
        throw new AppError(
          409,
          'disclosure_risk',
          'Some combinations of gender, age band, citizenship, area and month ' +
            `hold fewer than ${threshold} records; narrow or widen the filters`,
          {
            threshold,
            combinations: check.smallCombinations,
            hasMoreCombinations: check.hasMoreSmallCombinations,
          },
        )
      }

      c.header('Content-Type', 'text/csv; charset=utf-8')
      c.header('Content-Disposition', 'attachment; filename="records.csv"')

      return c.body(exportStream(db, filters))
    },
  )
}

function exportStream(db: Database, filters: RecordFilters) {
  const encoder = new TextEncoder()
  const where = recordFiltersWhere(filters)
  let lastId = 0
  let isHeaderSent = false

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!isHeaderSent) {
        isHeaderSent = true
        controller.enqueue(encoder.encode(csvLine(EXPORT_COLUMNS)))
        return
      }
      // Pages by id rather than one cursor so that PGlite, which has no
      // server-side cursor here, streams the same way as PostgreSQL.
      const rows = await db
        .select()
        .from(records)
        .where(and(sql`${where}`, gt(records.id, lastId)))
        .orderBy(asc(records.id))
        .limit(ROWS_PER_PAGE)
      if (rows.length === 0) {
        controller.close()
        return
      }
      lastId = Number(rows.at(-1)!.id)
      const text = rows.map((row) => exportLine(fromRecordRow(row))).join('')
      controller.enqueue(encoder.encode(text))
    },
  })
}

function exportLine(record: StoredRecord): string {
  return csvLine(
    EXPORT_COLUMNS.map((column) => {
      const value = record[column]

      return Array.isArray(value) ? value.join('|') : value
    }),
  )
}

function describeFilters(filters: RecordFilters): Record<string, unknown> {
  return {
    from: filters.from ?? null,
    to: filters.to ?? null,
    batch: filters.batchId ?? null,
    ...filters.values,
  }
}

import { Hono } from 'hono'
import { z } from 'zod'
import { recordAudit } from '../../audit/audit-trail'
import type { AppEnv } from '../../auth/actor'
import { AppError, forbidden, notFound } from '../../http/app-error'
import { clientAddress } from '../../http/client-address'
import { uuidParam } from '../../http/id-param'
import { parseInput } from '../../http/read-json'
import type { Services } from '../../services'
import { findIdentifiers } from '../identifier-guard/identifier-guard'
import { canRead, canWrite } from '../records-routes'
import { findBatch, listBatches, withdrawBatchRecords } from './import-batches'
import { importCsv } from './import-csv'

const FLAG = z.enum(['true', 'false']).transform((value) => value === 'true')

const IMPORT_QUERY = z.strictObject({
  dryRun: FLAG.default(false),
  partial: FLAG.default(false),
  fileName: z
    .string()
    .max(200)
    .refine((name) => findIdentifiers(name).length === 0, {
      message: 'fileName must not hold a direct identifier',
    })
    .optional(),
})

const IDEMPOTENCY_KEY = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'Idempotency-Key must be printable ASCII')

const LIST_QUERY = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

/**
 * CSV imports: a streamed file checked row by row, stored all or nothing
 * as a batch that its partner can list and withdraw.
 */
export function importRoutes(services: Services) {
  const { db } = services.database

  return new Hono<AppEnv>()
    .post('/api/records/import', canWrite, async (c) => {
      const query = parseInput(IMPORT_QUERY, c.req.query())
      const rawKey = c.req.header('Idempotency-Key')
      const idempotencyKey =
        rawKey === undefined ? null : parseInput(IDEMPOTENCY_KEY, rawKey)
      refuseDeclaredOversize(c.req.header('Content-Length'), services)
      const body = c.req.raw.body
      if (!body) {
        throw new AppError(400, 'empty_file', 'Send the CSV file as the body')
      }

      const outcome = await importCsv(services, body, {
        isDryRun: query.dryRun,
        isPartial: query.partial,
        idempotencyKey,
        fileName: query.fileName ?? null,
        actor: c.get('actor')!,
        ipAddress: clientAddress(c),
      })
      switch (outcome.kind) {
        case 'stored':
          return c.json(outcome.report, 201)
        case 'checked':
          return c.json(outcome.report, 200)
        case 'replayed':
          c.header('Idempotent-Replayed', 'true')
          return c.json(
            { ...outcome.report, status: outcome.batch.status },
            200,
          )
      }
    })
    .get('/api/records/batches', canRead, async (c) => {
      const { limit } = parseInput(LIST_QUERY, c.req.query())
      const batches = await listBatches(db, c.get('actor')!.partnerId, limit)

      return c.json({ batches }, 200)
    })
    .get('/api/records/batches/:id', canRead, async (c) => {
      const batch = await findBatch(db, uuidParam(c, 'id', 'The import batch'))
      if (!batch) throw notFound('The import batch')

      return c.json(batch, 200)
    })
    .delete('/api/records/batches/:id', canWrite, async (c) => {
      const actor = c.get('actor')!
      const id = uuidParam(c, 'id', 'The import batch')
      const batch = await findBatch(db, id)
      if (!batch) throw notFound('The import batch')
      if (batch.partnerId !== actor.partnerId) {
        throw forbidden('A partner withdraws only its own imports')
      }
      if (batch.status === 'withdrawn') {
        throw new AppError(409, 'already_withdrawn', 'The import was withdrawn')
      }

      const removed = await db.transaction(async (tx) => {
        const now = services.now()
        const count = await withdrawBatchRecords(
          tx,
          id,
          actor.kind === 'user' ? actor.userId : null,
          now,
        )
        await recordAudit(
          tx,
          {
            action: 'import_batch.withdrawn',
            actor,
            targetType: 'import_batch',
            targetId: id,
            ipAddress: clientAddress(c),
            details: { recordsRemoved: count },
          },
          now,
        )

        return count
      })

      return c.json({ id, recordsRemoved: removed }, 200)
    })
}

// A declared length over the limit is refused before a byte is read; a
// body that lies about its length is still cut off while streaming.
function refuseDeclaredOversize(
  contentLength: string | undefined,
  services: Services,
): void {
  const declaredBytes = Number(contentLength)
  if (declaredBytes > services.config.importMaxBytes) {
    throw new AppError(
      413,
      'payload_too_large',
      `The file must not exceed ${services.config.importMaxBytes} bytes`,
    )
  }
}

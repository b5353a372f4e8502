import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv, Role } from '../auth/actor'
import { ANY_ROLE, requireActor } from '../auth/guards'
import { AppError, notFound } from '../http/app-error'
import { clientAddress } from '../http/client-address'
import type { Services } from '../services'
import { parseRecordQuery } from './record-filters'
import { LIST_PARAMS, listRecords } from './record-list'
import { findRecord } from './record-store'
import { editRecord, submitRecords, withdrawRecord } from './submit-records'

/** Roles that submit, edit and withdraw records: analyst and above. */
export const WRITING_ROLES: readonly Role[] = [
  'analyst',
  'coordinator',
  'admin',
]

export const canWrite = requireActor({
  roles: WRITING_ROLES,
  scope: 'records:write',
})
export const canRead = requireActor({ roles: ANY_ROLE, scope: 'records:read' })

// A thousand full records with long summaries stay under a megabyte.
const MAX_JSON_BYTES = 4 * 1024 * 1024

/**
 * The shared dataset: every partner reads all records; a partner submits
 * records and edits or withdraws only its own.
 */
export function recordsRoutes(services: Services) {
  const { db } = services.database

  return new Hono<AppEnv>()
    .get('/api/records', canRead, async (c) => {
      const { filters, params } = parseRecordQuery(c.req.query(), LIST_PARAMS)
      const page = await listRecords(db, filters, params)

      return c.json(page, 200)
    })
    .post(
      '/api/records',
      canWrite,
      bodyLimit({ maxSize: MAX_JSON_BYTES, onError: tooLarge }),
      async (c) => {
        const ids = await submitRecords(services, await readBody(c.req.raw), {
          actor: c.get('actor')!,
          ipAddress: clientAddress(c),
        })

        return c.json({ ids }, 201)
      },
    )
    .get('/api/records/:id{[0-9]+}', canRead, async (c) => {
      const record = await findRecord(db, recordId(c.req.param('id')))
      if (!record) throw notFound('The record')

      return c.json(record, 200)
    })
    .patch(
      '/api/records/:id{[0-9]+}',
      canWrite,
      bodyLimit({ maxSize: MAX_JSON_BYTES, onError: tooLarge }),
      async (c) => {
        const record = await editRecord(
          services,
          recordId(c.req.param('id')),
          await readBody(c.req.raw),
          { actor: c.get('actor')!, ipAddress: clientAddress(c) },
        )

        return c.json(record, 200)
      },
    )
    .delete('/api/records/:id{[0-9]+}', canWrite, async (c) => {
      await withdrawRecord(services, recordId(c.req.param('id')), {
        actor: c.get('actor')!,
        ipAddress: clientAddress(c),
      })

      return c.body(null, 204)
    })
}

function recordId(raw: string): number {
  const id = Number(raw)
  if (!Number.isSafeInteger(id)) throw notFound('The record')

  return id
}

async function readBody(request: Request): Promise<unknown> {
  try {
    return await request.json()
  } catch (error) {
    throw new AppError(
      400,
      'invalid_json',
      'The body must be JSON',
      {},
      {
        cause: error,
      },
    )
  }
}

function tooLarge(): never {
  throw new AppError(
    413,
    'payload_too_large',
    `The body must not exceed ${MAX_JSON_BYTES} bytes`,
  )
}

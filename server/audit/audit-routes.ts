import { and, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { auditEvents } from '../../db/schema'
import type { AppEnv } from '../auth/actor'
import { requireActor } from '../auth/guards'
import { parseInput } from '../http/read-json'
import type { Services } from '../services'

const MAX_PAGE = 500

const QUERY = z.object({
  /** An exact action (`auth.login`) or an area (`auth.`, prefix match). */
  action: z.string().trim().min(1).max(100).optional(),
  outcome: z.enum(['success', 'failure']).optional(),
  actorUserId: z.uuid().optional(),
  actorPartnerId: z.uuid().optional(),
  actorTokenId: z.uuid().optional(),
  targetType: z.string().trim().min(1).max(100).optional(),
  targetId: z.string().trim().min(1).max(200).optional(),
  /** Inclusive lower bound, ISO 8601. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Exclusive upper bound, ISO 8601. */
  to: z.iso.datetime({ offset: true }).optional(),
  /** Only events older than this id: the `nextBefore` of the last page. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100),
})

/**
 * The audit trail for admins, newest first, filtered and paged by id.
 * Times are ISO 8601 in UTC.
 */
export function auditRoutes(services: Services) {
  return new Hono<AppEnv>().get(
    '/api/audit',
    requireActor({ roles: ['admin'] }),
    async (c) => {
      const query = parseInput(QUERY, c.req.query())
      const events = await services.database.db
        .select()
        .from(auditEvents)
        .where(and(...conditions(query)))
        .orderBy(desc(auditEvents.id))
        .limit(query.limit + 1)
      const hasMore = events.length > query.limit
      const page = events.slice(0, query.limit)

      return c.json(
        {
          events: page,
          nextBefore: hasMore ? (page.at(-1)?.id ?? null) : null,
        },
        200,
      )
    },
  )
}

function conditions(query: z.infer<typeof QUERY>): SQL[] {
  const where: SQL[] = []
  if (query.action) {
    where.push(
      query.action.endsWith('.')
        ? like(auditEvents.action, `${escapeLike(query.action)}%`)
        : eq(auditEvents.action, query.action),
    )
  }
  if (query.outcome) where.push(eq(auditEvents.outcome, query.outcome))
  if (query.actorUserId) {
    where.push(eq(auditEvents.actorUserId, query.actorUserId))
  }
  if (query.actorPartnerId) {
    where.push(eq(auditEvents.actorPartnerId, query.actorPartnerId))
  }
  if (query.actorTokenId) {
    where.push(eq(auditEvents.actorTokenId, query.actorTokenId))
  }
  if (query.targetType) where.push(eq(auditEvents.targetType, query.targetType))
  if (query.targetId) where.push(eq(auditEvents.targetId, query.targetId))
  if (query.from) where.push(gte(auditEvents.occurredAt, new Date(query.from)))
  if (query.to) where.push(lt(auditEvents.occurredAt, new Date(query.to)))
  if (query.before) where.push(lt(auditEvents.id, query.before))

  return where
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`)
}

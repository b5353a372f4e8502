import { and, desc, eq, isNull } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { apiTokens } from '../../db/schema'
import { recordAudit } from '../audit/audit-trail'
import { type AppEnv, TOKEN_SCOPES } from '../auth/actor'
import { requireActor } from '../auth/guards'
import { userActor } from '../auth/session-routes'
import { AppError, notFound } from '../http/app-error'
import { clientAddress } from '../http/client-address'
import { uuidParam } from '../http/id-param'
import { parseInput, readJson } from '../http/read-json'
import type { Services } from '../services'
import { createApiToken } from './api-tokens'
import { hasSqlState, SQL_STATE } from './sql-state'

const CREATE_BODY = z.object({
  partnerId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1),
})
const LIST_QUERY = z.object({ partnerId: z.uuid().optional() })

/** What the API shows of a token: never its hash. */
export type PublicApiToken = Omit<typeof apiTokens.$inferSelect, 'tokenHash'>

const PUBLIC_TOKEN_COLUMNS = {
  id: apiTokens.id,
  partnerId: apiTokens.partnerId,
  name: apiTokens.name,
  scopes: apiTokens.scopes,
  createdBy: apiTokens.createdBy,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
}

const admin = requireActor({ roles: ['admin'] })

/** Partners' API tokens: made by admins, shown once, revocable. */
export function tokenRoutes(services: Services) {
  const { db } = services.database

  return new Hono<AppEnv>()
    .get('/api/tokens', admin, async (c) => {
      const query = parseInput(LIST_QUERY, c.req.query())
      const rows = await db
        .select(PUBLIC_TOKEN_COLUMNS)
        .from(apiTokens)
        .where(
          query.partnerId
            ? eq(apiTokens.partnerId, query.partnerId)
            : undefined,
        )
        .orderBy(desc(apiTokens.createdAt))

      return c.json({ tokens: rows }, 200)
    })
    .post('/api/tokens', admin, async (c) => {
      const actor = userActor(c.get('actor'))
      const body = await readJson(c, CREATE_BODY)
      const created = await createApiToken(services, {
        ...body,
        createdBy: actor.userId,
      }).catch((error: unknown) => {
        if (hasSqlState(error, SQL_STATE.foreignKeyViolation)) {
          throw new AppError(400, 'unknown_partner', 'There is no such partner')
        }
        throw error
      })
      await recordAudit(
        db,
        {
          action: 'token.created',
          actor,
          targetType: 'api_token',
          targetId: created.id,
          ipAddress: clientAddress(c),
          details: { partnerId: created.partnerId, scopes: created.scopes },
        },
        services.now(),
      )
      const { token, ...shown } = created

      // The only time the token itself leaves the server.
      return c.json(
        { token: { ...shown, revokedAt: null }, secret: token },
        201,
      )
    })
    .delete('/api/tokens/:id', admin, async (c) => {
      const actor = userActor(c.get('actor'))
      const id = uuidParam(c, 'id', 'The API token')
      const [revoked] = await db
        .update(apiTokens)
        .set({ revokedAt: services.now() })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .returning({ partnerId: apiTokens.partnerId })
      if (!revoked) {
        const [existing] = await db
          .select({ id: apiTokens.id })
          .from(apiTokens)
          .where(eq(apiTokens.id, id))
        if (!existing) throw notFound('The API token')
        return c.body(null, 204)
      }

      await recordAudit(
        db,
        {
          action: 'token.revoked',
          actor,
          targetType: 'api_token',
          targetId: id,
          ipAddress: clientAddress(c),
          details: { partnerId: revoked.partnerId },
        },
        services.now(),
      )

      return c.body(null, 204)
    })
}

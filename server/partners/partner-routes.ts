import { asc, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { partners, users } from '../../db/schema'
import { recordAudit } from '../audit/audit-trail'
import { describeChanges } from '../audit/describe-changes'
import type { AppEnv } from '../auth/actor'
import { ANY_ROLE, requireActor } from '../auth/guards'
import { auditSessionsEnded } from '../auth/session-audit'
import { userActor } from '../auth/session-routes'
import { invalidateUserSessions } from '../auth/sessions'
import { AppError, notFound } from '../http/app-error'
import { clientAddress } from '../http/client-address'
import { uuidParam } from '../http/id-param'
import { readJson } from '../http/read-json'
import type { Services } from '../services'
import { insertPartner, PARTNER_KINDS } from './partners'
import { hasSqlState, SQL_STATE } from './sql-state'

const PARTNER_NAME = z.string().trim().min(2).max(200)
const CREATE_BODY = z.object({
  name: PARTNER_NAME,
  kind: z.enum(PARTNER_KINDS),
})
const UPDATE_BODY = z
  .object({
    name: PARTNER_NAME,
    kind: z.enum(PARTNER_KINDS),
    isActive: z.boolean(),
  })
  .partial()
  .strict()

/**
 * Partner organisations. Everyone signed in may read the list (records and
 * boards name their partners); only admins change it. Deactivating a
 * partner ends its users' sessions and stops its API tokens.
 */
export function partnerRoutes(services: Services) {
  const { db } = services.database

  return new Hono<AppEnv>()
    .get('/api/partners', requireActor({ roles: ANY_ROLE }), async (c) => {
      const rows = await db.select().from(partners).orderBy(asc(partners.name))

      return c.json({ partners: rows }, 200)
    })
    .post('/api/partners', requireActor({ roles: ['admin'] }), async (c) => {
      const actor = userActor(c.get('actor'))
      const body = await readJson(c, CREATE_BODY)
      const partner = await db
        .transaction(async (tx) => {
          const created = await insertPartner(tx, body, services.now())
          await recordAudit(
            tx,
            {
              action: 'partner.created',
              actor,
              targetType: 'partner',
              targetId: created.id,
              ipAddress: clientAddress(c),
              details: { kind: created.kind },
            },
            services.now(),
          )
          return created
        })
        .catch(rethrowDuplicateName)

      return c.json({ partner }, 201)
    })
    .patch(
      '/api/partners/:id',
      requireActor({ roles: ['admin'] }),
      async (c) => {
        const actor = userActor(c.get('actor'))
        const id = uuidParam(c, 'id', 'The partner')
        const changes = await readJson(c, UPDATE_BODY)
        if (changes.isActive === false && id === actor.partnerId) {
          throw new AppError(
            409,
            'cannot_change_own_access',
            'You cannot deactivate your own partner',
          )
        }

        const partner = await db
          .transaction(async (tx) => {
            const [before] = await tx
              .select()
              .from(partners)
              .where(eq(partners.id, id))
              .for('update')
            if (!before) throw notFound('The partner')

            const [after] = await tx
              .update(partners)
              .set(changes)
              .where(eq(partners.id, id))
              .returning()
            await recordAudit(
              tx,
              {
                action: 'partner.updated',
                actor,
                targetType: 'partner',
                targetId: id,
                ipAddress: clientAddress(c),
                details: { changes: describeChanges(before, changes) },
              },
              services.now(),
            )
            return after
          })
          .catch(rethrowDuplicateName)
        if (changes.isActive === false) {
          await endPartnerSessions(services, id, actor, clientAddress(c))
        }

        return c.json({ partner }, 200)
      },
    )
}

async function endPartnerSessions(
  services: Services,
  partnerId: string,
  actor: AppEnv['Variables']['actor'],
  ipAddress: string | null,
) {
  const members = await services.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.partnerId, partnerId))
  for (const { id: userId } of members) {
    const sessionIds = await invalidateUserSessions(
      services,
      userId,
      'partner_disabled',
    )
    await auditSessionsEnded(services, {
      actor,
      userId,
      sessionIds,
      reason: 'partner_disabled',
      ipAddress,
    })
  }
}

function rethrowDuplicateName(error: unknown): never {
  if (hasSqlState(error, SQL_STATE.uniqueViolation)) {
    throw new AppError(409, 'partner_exists', 'A partner has that name')
  }
  throw error
}

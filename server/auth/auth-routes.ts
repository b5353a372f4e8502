import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { partners, users } from '../../db/schema'
import { recordAudit } from '../audit/audit-trail'
import { AppError } from '../http/app-error'
import { clientAddress } from '../http/client-address'
import { readJson } from '../http/read-json'
import type { Services } from '../services'
import type { Actor, AppEnv } from './actor'
import { ANY_ROLE, requireActor } from './guards'
import { attemptLogin } from './login'
import { LoginThrottle, tooManyAttempts } from './login-throttle'
import { MAX_PASSWORD_LENGTH, prepareDummyHash } from './passwords'
import { deleteSessionCookie, setSessionCookie } from './session-cookie'
import { invalidateSession } from './sessions'

const LOGIN_BODY = z.object({
  email: z.string().trim().min(1).max(254),
  password: z
    .string()
    .min(1)
    .max(MAX_PASSWORD_LENGTH * 4),
})

/** Sign-in, sign-out and who am I. */
export function authRoutes(services: Services) {
  const throttle = new LoginThrottle(services)
  void prepareDummyHash()

  return new Hono<AppEnv>()
    .post('/api/auth/login', async (c) => {
      const { email, password } = await readJson(c, LOGIN_BODY)
      const result = await attemptLogin(services, throttle, {
        email,
        password,
        ipAddress: clientAddress(c),
        userAgent: c.req.header('user-agent') ?? null,
      })
      switch (result.outcome) {
        case 'throttled':
          throw tooManyAttempts(c, result.verdict)
        case 'refused':
          // One answer for every refusal, so that it does not tell whether
          // the account exists, is disabled or only the password was wrong.
          throw new AppError(
            401,
            'invalid_credentials',
            'The e-mail or password is not right',
          )
        case 'signed_in':
          await endPreviousSession(services, c.get('actor'))
          setSessionCookie(c, result.token, result.session.absoluteExpiresAt)
          return c.json({ user: await loadMe(services, result.userId) }, 200)
      }
    })
    .post('/api/auth/logout', async (c) => {
      const actor = c.get('actor')
      if (actor?.kind === 'token') {
        throw new AppError(403, 'forbidden', 'API tokens have no session')
      }
      if (actor) {
        await invalidateSession(services, {
          id: actor.sessionId,
          userId: actor.userId,
        })
        await recordAudit(
          services.database.db,
          {
            action: 'auth.logout',
            actor,
            targetType: 'session',
            targetId: actor.sessionId,
            ipAddress: clientAddress(c),
          },
          services.now(),
        )
      }
      deleteSessionCookie(c)

      return c.body(null, 204)
    })
    .get('/api/me', requireActor({ roles: ANY_ROLE }), async (c) => {
      const actor = c.get('actor')
      if (actor?.kind !== 'user')
        throw new Error('requireActor let a token through')

      return c.json({ user: await loadMe(services, actor.userId) }, 200)
    })
}

/** The signed-in user with their partner, as the web app needs it. */
export async function loadMe(services: Services, userId: string) {
  const [row] = await services.database.db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      mustChangePassword: users.mustChangePassword,
      partnerId: users.partnerId,
      partner: { id: partners.id, name: partners.name, kind: partners.kind },
    })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(users.id, userId))
  if (!row) throw new AppError(404, 'not_found', 'The user was not found')

  return row
}

/**
 * A browser that signs in again, maybe as someone else, leaves its former
 * session behind: end it rather than let it live on unseen.
 */
async function endPreviousSession(services: Services, actor: Actor | null) {
  if (actor?.kind !== 'user') return

  await invalidateSession(
    services,
    { id: actor.sessionId, userId: actor.userId },
    'logout',
  )
}

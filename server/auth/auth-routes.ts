import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { partners, users } from '../../db/schema'
import { recordAudit } from '../audit/audit-trail'
import { AppError } from '../http/app-error'
import { clientAddress } from '../http/client-address'
import { readJson } from '../http/read-json'
import { findUserByEmail, normalizeEmail } from '../partners/users'
import type { Services } from '../services'
import type { AppEnv } from './actor'
import { ANY_ROLE, requireActor } from './guards'
import { LoginThrottle, type ThrottleVerdict } from './login-throttle'
import {
  MAX_PASSWORD_LENGTH,
  verifyAgainstDummy,
  verifyPassword,
} from './passwords'
import { deleteSessionCookie, setSessionCookie } from './session-cookie'
import { createSession, invalidateSession } from './sessions'

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

  return new Hono<AppEnv>()
    .post('/api/auth/login', async (c) => {
      const { email, password } = await readJson(c, LOGIN_BODY)
      const ipAddress = clientAddress(c)
      const accountKey = normalizeEmail(email)
      const verdict =
        throttle.takeAddressToken(ipAddress) ??
        (await throttle.checkAccount(accountKey))
      if (verdict) {
        await recordAudit(
          services.database.db,
          {
            action: 'auth.login',
            outcome: 'failure',
            ipAddress,
            details: { reason: 'throttled', email: accountKey },
          },
          services.now(),
        )
        throw tooManyAttempts(c, verdict)
      }

      const user = await findUserByEmail(services.database.db, accountKey)
      const isPasswordRight = user
        ? await verifyPassword(user.passwordHash, password)
        : await verifyAgainstDummy(password)
      const isPartnerActive = user
        ? await isActivePartner(services, user.partnerId)
        : false
      const failure = !user
        ? 'unknown_account'
        : !isPasswordRight
          ? 'wrong_password'
          : user.isDisabled || !isPartnerActive
            ? 'account_disabled'
            : null
      if (failure || !user) {
        await throttle.recordAccountFailure(accountKey)
        await recordAudit(
          services.database.db,
          {
            action: 'auth.login',
            outcome: 'failure',
            targetType: user ? 'user' : undefined,
            targetId: user?.id,
            ipAddress,
            details: { reason: failure, email: accountKey },
          },
          services.now(),
        )
        // One answer for every failure, so that it does not tell whether
        // the account exists, is disabled or only the password was wrong.
        throw new AppError(
          401,
          'invalid_credentials',
          'The e-mail or password is not right',
        )
      }

      await throttle.resetAccount(accountKey)
      const { session, token } = await createSession(services, user.id, {
        ipAddress,
        userAgent: c.req.header('user-agent') ?? null,
      })
      await services.database.db
        .update(users)
        .set({ lastLoginAt: services.now() })
        .where(eq(users.id, user.id))
      await recordAudit(
        services.database.db,
        {
          action: 'auth.login',
          actor: {
            kind: 'user',
            userId: user.id,
            partnerId: user.partnerId,
            role: user.role,
            email: user.email,
            sessionId: session.id,
          },
          targetType: 'session',
          targetId: session.id,
          ipAddress,
        },
        services.now(),
      )
      setSessionCookie(c, token, session.absoluteExpiresAt)

      return c.json({ user: await loadMe(services, user.id) }, 200)
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
      partnerId: users.partnerId,
      partner: { id: partners.id, name: partners.name, kind: partners.kind },
    })
    .from(users)
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(users.id, userId))
  if (!row) throw new AppError(404, 'not_found', 'The user was not found')

  return row
}

async function isActivePartner(services: Services, partnerId: string) {
  const [row] = await services.database.db
    .select({ isActive: partners.isActive })
    .from(partners)
    .where(eq(partners.id, partnerId))

  return row?.isActive ?? false
}

export function tooManyAttempts(
  c: { header(name: string, value: string): void },
  verdict: NonNullable<ThrottleVerdict>,
): AppError {
  c.header('Retry-After', String(verdict.retryAfterSeconds))

  return new AppError(
    429,
    'too_many_attempts',
    `Too many sign-in attempts; try again in ${verdict.retryAfterSeconds} s`,
    { retryAfterSeconds: verdict.retryAfterSeconds },
  )
}

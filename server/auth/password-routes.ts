import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { users } from '../../db/schema'
import { recordAudit } from '../audit/audit-trail'
import { AppError } from '../http/app-error'
import { clientAddress } from '../http/client-address'
import { readJson } from '../http/read-json'
import type { Services } from '../services'
import type { AppEnv } from './actor'
import { ANY_ROLE, requireActor } from './guards'
import { LoginThrottle, tooManyAttempts } from './login-throttle'
import {
  assertAcceptablePassword,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  verifyPassword,
} from './passwords'
import { auditSessionsEnded } from './session-audit'
import { setSessionCookie } from './session-cookie'
import { userActor } from './session-routes'
import { createSession, invalidateUserSessions } from './sessions'

const CHANGE_PASSWORD_BODY = z.object({
  currentPassword: z
    .string()
    .min(1)
    .max(MAX_PASSWORD_LENGTH * 4),
  newPassword: z
    .string()
    .min(1)
    .max(MAX_PASSWORD_LENGTH * 4),
})

/**
 * A person changes their own password. It ends every session of theirs,
 * here and elsewhere, and this browser gets a fresh one. A wrong current
 * password counts against the account like a failed sign-in, so a stolen
 * session cannot be used to guess it.
 */
export function passwordRoutes(services: Services) {
  const throttle = new LoginThrottle(services)

  return new Hono<AppEnv>().post(
    '/api/users/me/password',
    requireActor({ roles: ANY_ROLE }),
    async (c) => {
      const actor = userActor(c.get('actor'))
      const body = await readJson(c, CHANGE_PASSWORD_BODY)
      const ipAddress = clientAddress(c)
      const verdict = await throttle.checkAccount(actor.email)
      if (verdict) throw tooManyAttempts(c, verdict)

      const { db } = services.database
      const [user] = await db
        .select({ passwordHash: users.passwordHash })
        .from(users)
        .where(eq(users.id, actor.userId))
      const isCurrentRight =
        user !== undefined &&
        (await verifyPassword(user.passwordHash, body.currentPassword))
      if (!isCurrentRight) {
        await throttle.recordAccountFailure(actor.email)
        await recordAudit(
          db,
          {
            action: 'auth.password_changed',
            outcome: 'failure',
            actor,
            targetType: 'user',
            targetId: actor.userId,
            ipAddress,
            details: { reason: 'wrong_current_password' },
          },
          services.now(),
        )
        throw new AppError(
          400,
          'wrong_current_password',
          'The current password is not right',
        )
      }
      assertAcceptablePassword(body.newPassword, 'newPassword')

      await db
        .update(users)
        .set({
          passwordHash: await hashPassword(body.newPassword),
          passwordChangedAt: services.now(),
          mustChangePassword: false,
        })
        .where(eq(users.id, actor.userId))
      const ended = await invalidateUserSessions(
        services,
        actor.userId,
        'password_changed',
      )
      await recordAudit(
        db,
        {
          action: 'auth.password_changed',
          actor,
          targetType: 'user',
          targetId: actor.userId,
          ipAddress,
        },
        services.now(),
      )
      await auditSessionsEnded(services, {
        actor,
        userId: actor.userId,
        sessionIds: ended,
        reason: 'password_changed',
        ipAddress,
      })
      const { session, token } = await createSession(services, actor.userId, {
        ipAddress,
        userAgent: c.req.header('user-agent') ?? null,
      })
      setSessionCookie(c, token, session.absoluteExpiresAt)

      return c.body(null, 204)
    },
  )
}

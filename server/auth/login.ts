import { eq } from 'drizzle-orm'
import { partners, users } from '../../db/schema'
import { recordAudit } from '../audit/audit-trail'
import { findUserByEmail, normalizeEmail } from '../partners/users'
import type { Services } from '../services'
import type { LoginThrottle, ThrottleVerdict } from './login-throttle'
import { verifyAgainstDummy, verifyPassword } from './passwords'
import { createSession, type NewSession } from './sessions'

export type LoginResult =
  | { outcome: 'throttled'; verdict: NonNullable<ThrottleVerdict> }
  | { outcome: 'refused' }
  | ({ outcome: 'signed_in'; userId: string } & NewSession)

type LoginFailure = 'unknown_account' | 'wrong_password' | 'account_disabled'

/**
 * One sign-in attempt, in order: the address's bucket, the account's
 * delay, the password (or, for an unknown account, a dummy check of the
 * same cost), the account's standing; then a new session. Every refusal
 * looks the same from outside; the audit trail records which it was.
 */
export async function attemptLogin(
  services: Services,
  throttle: LoginThrottle,
  attempt: {
    email: string
    password: string
    ipAddress: string | null
    userAgent: string | null
  },
): Promise<LoginResult> {
  const { db } = services.database
  const accountKey = normalizeEmail(attempt.email)
  const { ipAddress } = attempt

  // An address over its budget writes nothing, so a flood cannot fill the
  // trail; the account's delay is audited, since it names a target.
  const addressVerdict = throttle.takeAddressToken(ipAddress)
  if (addressVerdict) {
    services.log.warn({ ipAddress }, 'sign-in attempts throttled by address')
    return { outcome: 'throttled', verdict: addressVerdict }
  }
  const accountVerdict = await throttle.checkAccount(accountKey)
  if (accountVerdict) {
    await recordAudit(
      db,
      {
        action: 'auth.login',
        outcome: 'failure',
        ipAddress,
        details: { reason: 'throttled', email: accountKey },
      },
      services.now(),
    )
    return { outcome: 'throttled', verdict: accountVerdict }
  }

  const user = await findUserByEmail(db, accountKey)
  const failure = await checkCredentials(services, user, attempt.password)
  if (failure || !user) {
    await throttle.recordAccountFailure(accountKey)
    await recordAudit(
      db,
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
    return { outcome: 'refused' }
  }

  await throttle.resetAccount(accountKey)
  const created = await createSession(services, user.id, attempt)
  await db
    .update(users)
    .set({ lastLoginAt: services.now() })
    .where(eq(users.id, user.id))
  await recordAudit(
    db,
    {
      action: 'auth.login',
      actor: {
        kind: 'user',
        userId: user.id,
        partnerId: user.partnerId,
        role: user.role,
        email: user.email,
        sessionId: created.session.id,
      },
      targetType: 'session',
      targetId: created.session.id,
      ipAddress,
    },
    services.now(),
  )

  return { outcome: 'signed_in', userId: user.id, ...created }
}

async function checkCredentials(
  services: Services,
  user: Awaited<ReturnType<typeof findUserByEmail>>,
  password: string,
): Promise<LoginFailure | null> {
  if (!user) {
    await verifyAgainstDummy(password)
    return 'unknown_account'
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    return 'wrong_password'
  }

  const [partner] = await services.database.db
    .select({ isActive: partners.isActive })
    .from(partners)
    .where(eq(partners.id, user.partnerId))
  const isUsable = !user.isDisabled && partner?.isActive === true

  return isUsable ? null : 'account_disabled'
}

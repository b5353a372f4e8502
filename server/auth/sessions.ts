import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { and, eq, inArray, lte, or } from 'drizzle-orm'
import { partners, sessions, users } from '../../db/schema'
import type { Services } from '../services'
import type { Role } from './actor'
import { randomString } from './random'
import type { SessionEndReason } from './session-events'

/**
 * Sessions after Lucia's design. The token handed to the browser is
 * `<id>.<secret>`: the id (120 random bits) finds the row, the secret (160
 * random bits) proves possession. Only the SHA-256 of the secret is stored,
 * so a leaked table cannot be replayed as cookies.
 */
const SESSION_ID_BYTES = 15
const SESSION_SECRET_BYTES = 20

/**
 * Activity extends the idle expiry, but at most once a minute is it written
 * back, so that a busy board does not write on every keystroke.
 */
export const SESSION_REFRESH_INTERVAL_MS = 60_000

export interface Session {
  id: string
  userId: string
  createdAt: Date
  lastSeenAt: Date
  idleExpiresAt: Date
  absoluteExpiresAt: Date
  ipAddress: string | null
  userAgent: string | null
}

export interface SessionUser {
  id: string
  partnerId: string
  email: string
  displayName: string
  role: Role
  /** Signed in with a password the system made; must choose another. */
  mustChangePassword: boolean
}

export interface ValidatedSession {
  session: Session
  user: SessionUser
}

export interface NewSession {
  session: Session
  /** The secret for the cookie; never stored, never logged. */
  token: string
}

type SessionServices = Pick<
  Services,
  'config' | 'database' | 'now' | 'sessionEvents'
>

export async function createSession(
  services: SessionServices,
  userId: string,
  client: { ipAddress?: string | null; userAgent?: string | null } = {},
): Promise<NewSession> {
  const now = services.now()
  const id = randomString(SESSION_ID_BYTES)
  const secret = randomString(SESSION_SECRET_BYTES)
  const absoluteExpiresAt = new Date(
    now.getTime() + services.config.sessionAbsoluteTimeoutMs,
  )
  const session: Session = {
    id,
    userId,
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: idleExpiry(services, now, absoluteExpiresAt),
    absoluteExpiresAt,
    ipAddress: client.ipAddress ?? null,
    userAgent: client.userAgent?.slice(0, 512) ?? null,
  }
  await services.database.db
    .insert(sessions)
    .values({ ...session, secretHash: hashSecret(secret) })

  return { session, token: `${id}.${secret}` }
}

/**
 * Checks a token from a cookie and, when it is good, extends the idle
 * expiry: call it on every request and on live board activity. Returns
 * `null` for a malformed, unknown, expired or forged token, for a disabled
 * user or partner, and for a user who must first change a password the
 * system made — unless `allowPendingPasswordChange` (only the HTTP
 * authentication, which then lets such a user reach nothing but the
 * password change).
 */
export async function validateSessionToken(
  services: SessionServices,
  token: string,
  options: { allowPendingPasswordChange?: boolean } = {},
): Promise<ValidatedSession | null> {
  const parts = parseToken(token)
  if (!parts) return null

  const { db } = services.database
  const [row] = await db
    .select({
      session: sessions,
      user: {
        id: users.id,
        partnerId: users.partnerId,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        mustChangePassword: users.mustChangePassword,
        isDisabled: users.isDisabled,
      },
      isPartnerActive: partners.isActive,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(sessions.id, parts.id))
  if (!row) return null

  // The secret is checked before anything else is revealed or changed, so
  // that knowing an id alone (e.g. from a listing) gives no power over it.
  const { secretHash, ...session } = row.session
  if (!constantTimeEqual(hashSecret(parts.secret), secretHash)) return null

  const now = services.now()
  const isExpired =
    now >= session.idleExpiresAt || now >= session.absoluteExpiresAt
  if (isExpired) {
    await deleteSessions(services, session.userId, [session.id], 'expired')
    return null
  }
  if (row.user.isDisabled || !row.isPartnerActive) return null
  const isPending = row.user.mustChangePassword
  if (isPending && !options.allowPendingPasswordChange) return null

  const shouldRefresh =
    now.getTime() - session.lastSeenAt.getTime() >= SESSION_REFRESH_INTERVAL_MS
  if (shouldRefresh) {
    session.lastSeenAt = now
    session.idleExpiresAt = idleExpiry(services, now, session.absoluteExpiresAt)
    await db
      .update(sessions)
      .set({ lastSeenAt: now, idleExpiresAt: session.idleExpiresAt })
      .where(eq(sessions.id, session.id))
  }
  const { isDisabled: _isDisabled, ...user } = row.user

  return { session, user }
}

/** Ends one session (logout, or a user ending one of theirs). */
export async function invalidateSession(
  services: SessionServices,
  session: Pick<Session, 'id' | 'userId'>,
  reason: SessionEndReason = 'logout',
): Promise<void> {
  await deleteSessions(services, session.userId, [session.id], reason)
}

/**
 * Ends every session of a user at once (password change, disablement, an
 * admin's decision); `exceptSessionId` keeps the caller's own. Returns the
 * ids ended.
 */
export async function invalidateUserSessions(
  services: SessionServices,
  userId: string,
  reason: SessionEndReason = 'ended_by_admin',
  exceptSessionId?: string,
): Promise<string[]> {
  const ended = await services.database.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.userId, userId))
  const ids = ended.map((s) => s.id).filter((id) => id !== exceptSessionId)

  return deleteSessions(services, userId, ids, reason)
}

/** The user's sessions that are still alive, newest first. */
export async function listUserSessions(
  services: SessionServices,
  userId: string,
): Promise<Session[]> {
  const now = services.now()
  const rows = await services.database.db
    .select()
    .from(sessions)
    .where(eq(sessions.userId, userId))

  return rows
    .filter((s) => now < s.idleExpiresAt && now < s.absoluteExpiresAt)
    .map(({ secretHash: _secretHash, ...session }) => session)
    .sort((a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime())
}

/** Removes expired rows; safe to run at any time, on any node. */
export async function deleteExpiredSessions(
  services: SessionServices,
): Promise<number> {
  const now = services.now()
  const deleted = await services.database.db
    .delete(sessions)
    .where(
      or(
        lte(sessions.idleExpiresAt, now),
        lte(sessions.absoluteExpiresAt, now),
      ),
    )
    .returning({ id: sessions.id })

  return deleted.length
}

async function deleteSessions(
  services: SessionServices,
  userId: string,
  ids: string[],
  reason: SessionEndReason,
): Promise<string[]> {
  if (ids.length === 0) return []

  const deleted = await services.database.db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), inArray(sessions.id, ids)))
    .returning({ id: sessions.id })
  const sessionIds = deleted.map((s) => s.id)
  services.sessionEvents.emitSessionsEnded({ userId, sessionIds, reason })

  return sessionIds
}

function idleExpiry(
  services: SessionServices,
  now: Date,
  absoluteExpiresAt: Date,
): Date {
  const idleMs = now.getTime() + services.config.sessionIdleTimeoutMs

  return new Date(Math.min(idleMs, absoluteExpiresAt.getTime()))
}

function parseToken(token: string): { id: string; secret: string } | null {
  const [id, secret, ...rest] = token.split('.')
  const isWellFormed =
    rest.length === 0 &&
    id !== undefined &&
    secret !== undefined &&
    /^[a-z2-7]{24}$/.test(id) &&
    /^[a-z2-7]{32}$/.test(secret)

  return isWellFormed ? { id, secret } : null
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret))
}

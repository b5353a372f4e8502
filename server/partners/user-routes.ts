import { asc, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import type { Database } from '../../db/open-database'
import { users } from '../../db/schema'
import { recordAudit } from '../audit/audit-trail'
import { describeChanges } from '../audit/describe-changes'
import { type AppEnv, ROLES, type UserActor } from '../auth/actor'
import { requireActor } from '../auth/guards'
import {
  assertAcceptablePassword,
  generatePassword,
  hashPassword,
  MAX_PASSWORD_LENGTH,
} from '../auth/passwords'
import { auditSessionsEnded } from '../auth/session-audit'
import type { SessionEndReason } from '../auth/session-events'
import { describeSession, userActor } from '../auth/session-routes'
import { invalidateUserSessions, listUserSessions } from '../auth/sessions'
import { AppError, notFound } from '../http/app-error'
import { clientAddress } from '../http/client-address'
import { uuidParam } from '../http/id-param'
import { parseInput, readJson } from '../http/read-json'
import type { Services } from '../services'
import { hasSqlState, SQL_STATE } from './sql-state'
import { insertUser, PUBLIC_USER_COLUMNS, type PublicUser } from './users'

const PASSWORD = z
  .string()
  .min(1)
  .max(MAX_PASSWORD_LENGTH * 4)
const DISPLAY_NAME = z.string().trim().min(1).max(200)
const CREATE_BODY = z.object({
  partnerId: z.uuid(),
  email: z.email().max(254),
  displayName: DISPLAY_NAME,
  role: z.enum(ROLES),
  /**
   * Omitted: the server makes one, shows it once in the answer and has the
   * user replace it at first sign-in.
   */
  password: PASSWORD.optional(),
  /** Whether a chosen password must be replaced at first sign-in. */
  mustChangePassword: z.boolean().optional(),
})
const UPDATE_BODY = z
  .object({
    displayName: DISPLAY_NAME,
    role: z.enum(ROLES),
    isDisabled: z.boolean(),
    password: PASSWORD,
    mustChangePassword: z.boolean(),
  })
  .partial()
  .strict()
const LIST_QUERY = z.object({ partnerId: z.uuid().optional() })

const admin = requireActor({ roles: ['admin'] })

/** The admins' management of people: accounts, roles, their sessions. */
export function userRoutes(services: Services) {
  const { db } = services.database

  return new Hono<AppEnv>()
    .get('/api/users', admin, async (c) => {
      const query = parseInput(LIST_QUERY, c.req.query())
      const rows = await db
        .select(PUBLIC_USER_COLUMNS)
        .from(users)
        .where(
          query.partnerId ? eq(users.partnerId, query.partnerId) : undefined,
        )
        .orderBy(asc(users.email))

      return c.json({ users: rows }, 200)
    })
    .post('/api/users', admin, async (c) => {
      const actor = userActor(c.get('actor'))
      const body = await readJson(c, CREATE_BODY)
      if (body.password !== undefined) {
        assertAcceptablePassword(body.password, 'password')
      }
      const password = body.password ?? generatePassword()

      const user = await db
        .transaction(async (tx) => {
          const created = await insertUser(
            tx,
            {
              ...body,
              password,
              mustChangePassword:
                body.password === undefined || body.mustChangePassword,
            },
            services.now(),
          )
          await recordAudit(
            tx,
            {
              action: 'user.created',
              actor,
              targetType: 'user',
              targetId: created.id,
              ipAddress: clientAddress(c),
              details: { partnerId: created.partnerId, role: created.role },
            },
            services.now(),
          )
          return created
        })
        .catch(rethrowCreateConflict)
      const shownPassword = body.password === undefined ? { password } : {}

      return c.json({ user, ...shownPassword }, 201)
    })
    .patch('/api/users/:id', admin, async (c) => {
      const actor = userActor(c.get('actor'))
      const id = uuidParam(c, 'id', 'The user')
      const { password, ...changes } = await readJson(c, UPDATE_BODY)
      const isOwnAccessChange =
        id === actor.userId &&
        (changes.role !== undefined || changes.isDisabled !== undefined)
      if (isOwnAccessChange) {
        throw new AppError(
          409,
          'cannot_change_own_access',
          'You cannot change your own role or disable yourself',
        )
      }
      if (password !== undefined) assertAcceptablePassword(password, 'password')

      const ipAddress = clientAddress(c)
      const { before, user } = await updateUser(
        services,
        actor,
        id,
        changes,
        password,
        ipAddress,
      )
      const reason = sessionEndReason(before, changes, password)
      if (reason) await endSessions(services, actor, id, reason, ipAddress)

      return c.json({ user }, 200)
    })
    .get('/api/users/:id/sessions', admin, async (c) => {
      const id = uuidParam(c, 'id', 'The user')
      await findUser(db, id)
      const sessions = await listUserSessions(services, id)

      return c.json({ sessions: sessions.map((s) => describeSession(s)) }, 200)
    })
    .delete('/api/users/:id/sessions', admin, async (c) => {
      const actor = userActor(c.get('actor'))
      const id = uuidParam(c, 'id', 'The user')
      await findUser(db, id)
      const ended = await endSessions(
        services,
        actor,
        id,
        'ended_by_admin',
        clientAddress(c),
      )

      return c.json({ endedSessionIds: ended }, 200)
    })
}

type UserChanges = Omit<z.infer<typeof UPDATE_BODY>, 'password'>

async function updateUser(
  services: Services,
  actor: UserActor,
  id: string,
  changes: UserChanges,
  password: string | undefined,
  ipAddress: string | null,
) {
  const passwordHash = password ? await hashPassword(password) : undefined

  return services.database.db.transaction(async (tx) => {
    const before = await findUser(tx, id)
    const [after] = await tx
      .update(users)
      .set({
        ...changes,
        ...(passwordHash
          ? { passwordHash, passwordChangedAt: services.now() }
          : {}),
      })
      .where(eq(users.id, id))
      .returning(PUBLIC_USER_COLUMNS)
    if (!after) throw notFound('The user')
    await recordAudit(
      tx,
      {
        action: 'user.updated',
        actor,
        targetType: 'user',
        targetId: id,
        ipAddress,
        details: {
          changes: describeChanges(before, changes),
          // Only that it was reset; the password itself is never recorded.
          isPasswordReset: passwordHash !== undefined,
        },
      },
      services.now(),
    )
    return { before, user: after }
  })
}

async function findUser(db: Pick<Database, 'select'>, id: string) {
  const [row] = await db
    .select(PUBLIC_USER_COLUMNS)
    .from(users)
    .where(eq(users.id, id))
  if (!row) throw notFound('The user')

  return row
}

/**
 * Whether the change ends the user's sessions: disabling and a new
 * password do, and so does a new role, so that live connections are made
 * again under the new role rather than keep the old one's powers.
 */
function sessionEndReason(
  before: PublicUser,
  changes: UserChanges,
  password: string | undefined,
): SessionEndReason | null {
  if (changes.isDisabled === true) return 'account_disabled'
  if (password !== undefined) return 'password_changed'
  const isRoleChanged =
    changes.role !== undefined && changes.role !== before.role
  if (isRoleChanged) return 'role_changed'

  return null
}

async function endSessions(
  services: Services,
  actor: UserActor,
  userId: string,
  reason: SessionEndReason,
  ipAddress: string | null,
): Promise<string[]> {
  const sessionIds = await invalidateUserSessions(services, userId, reason)
  await auditSessionsEnded(services, {
    actor,
    userId,
    sessionIds,
    reason,
    ipAddress,
  })

  return sessionIds
}

function rethrowCreateConflict(error: unknown): never {
  if (hasSqlState(error, SQL_STATE.uniqueViolation)) {
    throw new AppError(409, 'email_taken', 'An account has that e-mail')
  }
  if (hasSqlState(error, SQL_STATE.foreignKeyViolation)) {
    throw new AppError(400, 'unknown_partner', 'There is no such partner')
  }
  throw error
}

import { parseArgs } from 'node:util'
import { and, asc, eq } from 'drizzle-orm'
import { loginThrottles, partners, users } from '../../db/schema'
import { recordAudit } from '../audit/audit-trail'
import {
  checkNewPassword,
  generatePassword,
  hashPassword,
} from '../auth/passwords'
import { invalidateUserSessions } from '../auth/sessions'
import { insertPartner } from '../partners/partners'
import { insertUser, normalizeEmail } from '../partners/users'
import type { Services } from '../services'

export const ADMIN_USAGE = `Usage:
  npm run admin -- create --email <email> [--name <display name>]
                          [--partner <partner name>] [--password-stdin]
  npm run admin -- reset --email <email> [--password-stdin]

create  makes a new admin in the given partner (default: the centre).
reset   gives an existing account a new password, makes it an enabled
        admin again and ends its sessions.
Without --password-stdin a one-time password is made and shown once.
`

/** A failure the CLI reports as a sentence and exit code 1. */
export class AdminCommandError extends Error {
  override readonly name = 'AdminCommandError'
}

type AdminServices = Pick<
  Services,
  'config' | 'database' | 'now' | 'sessionEvents'
>

/**
 * Runs `create` or `reset` and returns what to print. The password comes
 * from `readPassword` (standard input) when asked for; never from the
 * command line, where it would stay in the shell history and process list.
 */
export async function runAdminCommand(
  argv: string[],
  services: AdminServices,
  readPassword: () => Promise<string>,
): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      partner: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
  })
  const [command] = positionals
  if ((command !== 'create' && command !== 'reset') || !values.email) {
    throw new AdminCommandError(ADMIN_USAGE)
  }

  const email = normalizeEmail(values.email)
  const given = values['password-stdin'] ? (await readPassword()).trim() : null
  const problem = given === null ? null : checkNewPassword(given)
  if (problem) throw new AdminCommandError(problem.message)
  const password = given ?? generatePassword()

  const userId =
    command === 'create'
      ? await createAdmin(services, email, values, password, given === null)
      : await resetAdmin(services, email, password, given === null)
  const shown = given === null ? `\nPassword (shown once): ${password}` : ''

  return `${command === 'create' ? 'Created' : 'Reset'} admin ${email} (${userId}).${shown}\n`
}

async function createAdmin(
  services: AdminServices,
  email: string,
  options: { name?: string; partner?: string },
  password: string,
  isGenerated: boolean,
): Promise<string> {
  return services.database.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, email))
    if (existing) {
      throw new AdminCommandError(`${email} already has an account; use reset`)
    }

    const now = services.now()
    const partnerId = await findPartner(tx, options.partner, now)
    const user = await insertUser(
      tx,
      {
        partnerId,
        email,
        displayName: options.name ?? 'Administrator',
        role: 'admin',
        password,
        mustChangePassword: isGenerated,
      },
      now,
    )
    await recordAudit(
      tx,
      {
        action: 'user.created',
        targetType: 'user',
        targetId: user.id,
        details: { role: 'admin', partnerId, via: 'cli' },
      },
      now,
    )
    return user.id
  })
}

async function resetAdmin(
  services: AdminServices,
  email: string,
  password: string,
  isGenerated: boolean,
): Promise<string> {
  const now = services.now()
  const { db } = services.database
  const [user] = await db
    .update(users)
    .set({
      passwordHash: await hashPassword(password),
      passwordChangedAt: now,
      role: 'admin',
      isDisabled: false,
      mustChangePassword: isGenerated,
    })
    .where(eq(users.email, email))
    .returning({ id: users.id })
  if (!user) throw new AdminCommandError(`${email} has no account; use create`)

  await db.delete(loginThrottles).where(eq(loginThrottles.accountKey, email))
  await invalidateUserSessions(services, user.id, 'password_changed')
  await recordAudit(
    db,
    {
      action: 'user.updated',
      targetType: 'user',
      targetId: user.id,
      details: { isPasswordReset: true, role: 'admin', via: 'cli' },
    },
    now,
  )

  return user.id
}

/** The named partner, else the oldest centre, made if there is none. */
async function findPartner(
  tx: Parameters<Parameters<Services['database']['db']['transaction']>[0]>[0],
  name: string | undefined,
  now: Date,
): Promise<string> {
  if (name) {
    const [named] = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(eq(partners.name, name))
    if (!named) throw new AdminCommandError(`No partner is named "${name}"`)
    return named.id
  }

  const [centre] = await tx
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.kind, 'centre'), eq(partners.isActive, true)))
    .orderBy(asc(partners.createdAt))
    .limit(1)
  if (centre) return centre.id

  const created = await insertPartner(
    tx,
    { name: 'CIATTEH Centre', kind: 'centre' },
    now,
  )
  return created.id
}

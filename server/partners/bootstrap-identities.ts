import { count, sql } from 'drizzle-orm'
import { users } from '../../db/schema'
import { recordAudit } from '../audit/audit-trail'
import { checkNewPassword, generatePassword } from '../auth/passwords'
import { ConfigError } from '../config/config'
import {
  createDemoIdentities,
  type DemoIdentities,
  logDemoCredentials,
} from '../demo/demo-users'
import type { Services } from '../services'
import { insertPartner } from './partners'
import { insertUser, type PublicUser } from './users'

/** Taken while the first accounts are made, so two nodes cannot both. */
const BOOTSTRAP_LOCK_KEY = 4_120_716

/** Used when no BOOTSTRAP_ADMIN_EMAIL is given and not in demo mode. */
export const FIRST_ADMIN_EMAIL = 'admin@ciatteh.local'

export interface BootstrapResult {
  admin: PublicUser | null
  /** The demo partners and users, when demo mode made them. */
  demo: DemoIdentities | null
}

/**
 * On an empty database, makes the first accounts:
 * - in demo mode, the demo partners with their users (an admin among them);
 * - the admin named by BOOTSTRAP_ADMIN_EMAIL/PASSWORD, when set;
 * - otherwise, outside demo mode, an admin with a one-time password.
 * One-time passwords are logged once, after the accounts are committed.
 * Returns `null` when the database already has users.
 */
export async function bootstrapIdentities(
  services: Services,
): Promise<BootstrapResult | null> {
  const { config, log } = services
  const bootstrapAdmin = config.bootstrapAdmin
  const problem = bootstrapAdmin && checkNewPassword(bootstrapAdmin.password)
  if (problem) {
    throw new ConfigError([`BOOTSTRAP_ADMIN_PASSWORD: ${problem.message}`])
  }

  const generated = config.isDemo || bootstrapAdmin ? null : generatePassword()
  const result = await services.database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`)
    const [existing] = await tx.select({ n: count() }).from(users)
    if (existing && existing.n > 0) return null

    const now = services.now()
    const demo = config.isDemo ? await createDemoIdentities(tx, now) : null
    const centre =
      demo?.centre ??
      (await insertPartner(tx, { name: 'CIATTEH Centre', kind: 'centre' }, now))
    const credentials =
      bootstrapAdmin ??
      (generated ? { email: FIRST_ADMIN_EMAIL, password: generated } : null)
    const admin = credentials
      ? await insertUser(
          tx,
          {
            partnerId: centre.id,
            email: credentials.email,
            displayName: 'Administrator',
            role: 'admin',
            password: credentials.password,
            mustChangePassword: generated !== null,
          },
          now,
        )
      : null
    const created = [
      ...(demo?.users.map((u) => u.user) ?? []),
      ...(admin ? [admin] : []),
    ]
    for (const user of created) {
      await recordAudit(
        tx,
        {
          action: 'user.created',
          targetType: 'user',
          targetId: user.id,
          details: {
            role: user.role,
            partnerId: user.partnerId,
            via: 'bootstrap',
          },
        },
        now,
      )
    }
    return { admin, demo }
  })
  if (!result) return null

  if (result.demo) logDemoCredentials(log, result.demo)
  if (result.admin && generated) {
    log.warn(
      { email: result.admin.email, initialPassword: generated },
      'first admin created; sign in and change this one-time password',
    )
  } else if (result.admin) {
    log.info({ email: result.admin.email }, 'bootstrap admin created')
  }

  return result
}

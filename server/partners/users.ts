import { eq } from 'drizzle-orm'
import type { Database } from '../../db/open-database'
import { users } from '../../db/schema'
import type { Role } from '../auth/actor'
import { hashPassword } from '../auth/passwords'

/** What the API shows of a user: never the password hash. */
export interface PublicUser {
  id: string
  partnerId: string
  email: string
  displayName: string
  role: Role
  isDisabled: boolean
  mustChangePassword: boolean
  lastLoginAt: Date | null
  createdAt: Date
}

export const PUBLIC_USER_COLUMNS = {
  id: users.id,
  partnerId: users.partnerId,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  isDisabled: users.isDisabled,
  mustChangePassword: users.mustChangePassword,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
}

/** E-mail addresses are compared trimmed and in lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

export interface NewUser {
  partnerId: string
  email: string
  displayName: string
  role: Role
  /** Checked by the caller against the password policy. */
  password: string
  /** True for a password the system made or an admin chose. */
  mustChangePassword?: boolean
}

/** Inserts a user with an Argon2id hash of the password. */
export async function insertUser(
  db: Pick<Database, 'insert'>,
  input: NewUser,
  now: Date,
): Promise<PublicUser> {
  const [row] = await db
    .insert(users)
    .values({
      partnerId: input.partnerId,
      email: normalizeEmail(input.email),
      displayName: input.displayName.trim(),
      role: input.role,
      passwordHash: await hashPassword(input.password),
      mustChangePassword: input.mustChangePassword ?? false,
      passwordChangedAt: now,
      createdAt: now,
    })
    .returning(PUBLIC_USER_COLUMNS)
  if (!row) throw new Error('Inserting a user returned no row')

  return row
}

export async function findUserByEmail(
  db: Pick<Database, 'select'>,
  email: string,
) {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))

  return row ?? null
}

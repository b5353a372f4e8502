import type { Database } from '../../db/open-database'
import type { Role } from '../auth/actor'
import { generatePassword } from '../auth/passwords'
import type { Logger } from '../logger'
import {
  insertPartner,
  type Partner,
  type PartnerKind,
} from '../partners/partners'
import { insertUser, type PublicUser } from '../partners/users'

/** One partner of each kind, as in the centre this product is made for. */
const DEMO_PARTNERS: { name: string; kind: PartnerKind; slug: string }[] = [
  { name: 'CIATTEH Centre', kind: 'centre', slug: 'centre' },
  { name: 'Missing Children Foundation', kind: 'ngo', slug: 'foundation' },
  {
    name: 'Federal Ministry of Home Affairs',
    kind: 'ministry',
    slug: 'ministry',
  },
  {
    name: "Federal Prosecutor's Office",
    kind: 'prosecution',
    slug: 'prosecution',
  },
  { name: 'Federal Police', kind: 'police', slug: 'police' },
  { name: 'Social Inspection', kind: 'inspection', slug: 'inspection' },
]

/** Admins are the centre's; every partner has the other three roles. */
const ROLES_OF_CENTRE: Role[] = ['admin', 'coordinator', 'analyst', 'reviewer']
const ROLES_OF_PARTNER: Role[] = ['coordinator', 'analyst', 'reviewer']

export interface DemoUser {
  user: PublicUser
  partner: Partner
  /** One-time password, printed once at creation. */
  password: string
}

export interface DemoIdentities {
  partners: Partner[]
  users: DemoUser[]
  /** The centre partner, home of the admins. */
  centre: Partner
}

/**
 * Creates the demo partners and their users, each with a fresh random
 * password. Call inside the bootstrap transaction; log the passwords with
 * `logDemoCredentials` once it has committed.
 */
export async function createDemoIdentities(
  db: Pick<Database, 'insert'>,
  now: Date,
): Promise<DemoIdentities> {
  const partners: Partner[] = []
  const users: DemoUser[] = []
  for (const spec of DEMO_PARTNERS) {
    const partner = await insertPartner(db, spec, now)
    partners.push(partner)
    const roles = spec.kind === 'centre' ? ROLES_OF_CENTRE : ROLES_OF_PARTNER
    for (const role of roles) {
      const password = generatePassword()
      const user = await insertUser(
        db,
        {
          partnerId: partner.id,
          email: `${role}@${spec.slug}.example`,
          displayName: `${capitalise(role)}, ${spec.name}`,
          role,
          password,
          mustChangePassword: true,
        },
        now,
      )
      users.push({ user, partner, password })
    }
  }

  return { partners, users, centre: partners[0]! }
}

/** Prints each demo account with its one-time password, once. */
export function logDemoCredentials(log: Logger, demo: DemoIdentities): void {
  for (const { user, partner, password } of demo.users) {
    // `initialPassword`, not `password`: the logger redacts the latter, and
    // this one line is the only place the password is ever shown.
    log.warn(
      {
        email: user.email,
        role: user.role,
        partner: partner.name,
        initialPassword: password,
      },
      'demo user created',
    )
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

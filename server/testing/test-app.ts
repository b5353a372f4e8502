import { getTestDatabase, uniqueSuffix } from '../../db/testing/test-database'
import { createApp } from '../app'
import type { Role, TokenScope } from '../auth/actor'
import { randomString } from '../auth/random'
import { sessionCookieHeader } from '../auth/session-cookie'
import { SessionEvents } from '../auth/session-events'
import { createSession, type Session } from '../auth/sessions'
import { type Config, loadConfig } from '../config/config'
import { silentLogger } from '../logger'
import { createApiToken } from '../partners/api-tokens'
import {
  insertPartner,
  type Partner,
  type PartnerKind,
} from '../partners/partners'
import { insertUser, type PublicUser } from '../partners/users'
import type { Services } from '../services'

/** A clock that stands still until a test moves it. */
export interface TestClock {
  now(): Date
  advanceMs(ms: number): void
  set(date: Date): void
}

export function createTestClock(start = new Date()): TestClock {
  let current = start.getTime()

  return {
    now: () => new Date(current),
    advanceMs: (ms) => {
      current += ms
    },
    set: (date) => {
      current = date.getTime()
    },
  }
}

export interface TestServices extends Services {
  clock: TestClock
}

export interface TestServicesOverrides {
  config?: Partial<Config>
  /** Another database than the shared test one, e.g. an empty one. */
  database?: Services['database']
  log?: Services['log']
  clock?: TestClock
}

/**
 * Services on the shared test database, with a silent logger, demo mode off
 * and a clock that only moves when the test says so.
 */
export async function createTestServices(
  overrides: TestServicesOverrides = {},
): Promise<TestServices> {
  const clock = overrides.clock ?? createTestClock()
  const config = Object.freeze({
    ...loadConfig({ DEMO: 'false', LOG_LEVEL: 'silent' }),
    ...overrides.config,
  })

  return {
    config,
    database: overrides.database ?? (await getTestDatabase()),
    log: overrides.log ?? silentLogger(),
    now: () => clock.now(),
    sessionEvents: new SessionEvents(),
    clock,
  }
}

/** The real app on test services; call `app.request(...)` to use it. */
export async function createTestApp(
  services?: TestServices | TestServicesOverrides,
) {
  const resolved =
    services && 'sessionEvents' in services
      ? services
      : await createTestServices(services)

  return { app: createApp(resolved), services: resolved }
}

export async function createTestPartner(
  services: Pick<Services, 'database' | 'now'>,
  input: { kind?: PartnerKind; name?: string } = {},
): Promise<Partner> {
  return insertPartner(
    services.database.db,
    {
      name: input.name ?? `Test partner ${uniqueSuffix()}`,
      kind: input.kind ?? 'centre',
    },
    services.now(),
  )
}

export interface TestUser {
  user: PublicUser
  partner: Pick<Partner, 'id'>
  password: string
  session: Session
  /** The raw session token. */
  token: string
  /** The `Cookie` header value carrying the session. */
  cookie: string
  /** Cookie plus a matching `Origin`, ready for `app.request`. */
  headers: Record<string, string>
}

/**
 * A signed-in user of the given role, in a new partner unless `partnerId`
 * is given. Add `'Content-Type': 'application/json'` to `headers` when
 * sending JSON.
 */
export async function createTestUser(
  services: Services,
  input: {
    role: Role
    partnerId?: string
    email?: string
    password?: string
    displayName?: string
  },
): Promise<TestUser> {
  const partner = input.partnerId
    ? { id: input.partnerId }
    : await createTestPartner(services)
  const password = input.password ?? `test pass ${randomString(10)}`
  const user = await insertUser(
    services.database.db,
    {
      partnerId: partner.id,
      email: input.email ?? `user-${uniqueSuffix()}@test.example`,
      displayName: input.displayName ?? `Test ${input.role}`,
      role: input.role,
      password,
    },
    services.now(),
  )
  const signedIn = await signInTestUser(services, user.id)

  return { user, partner, password, ...signedIn }
}

/** A fresh session for an existing user, as a login would make. */
export async function signInTestUser(services: Services, userId: string) {
  const { session, token } = await createSession(services, userId)
  const cookie = sessionCookieHeader(token)

  return {
    session,
    token,
    cookie,
    headers: { Cookie: cookie, Origin: services.config.publicOrigin },
  }
}

/** An API token of a partner (a new one unless given) with the scopes. */
export async function createTestToken(
  services: Services,
  input: { partnerId?: string; scopes: readonly TokenScope[] },
) {
  const partnerId = input.partnerId ?? (await createTestPartner(services)).id
  const created = await createApiToken(services, {
    partnerId,
    name: `Test token ${uniqueSuffix()}`,
    scopes: input.scopes,
    createdBy: null,
  })

  return {
    tokenId: created.id,
    partnerId,
    token: created.token,
    headers: { Authorization: `Bearer ${created.token}` },
  }
}

type RequestingApp = {
  request(
    path: string,
    init?: RequestInit,
    env?: unknown,
  ): Response | Promise<Response>
}

/**
 * Sends a request with a JSON body (when given) and the given headers; pass
 * `remoteAddress` to pose as a client at that address.
 */
export function sendJson(
  app: RequestingApp,
  method: string,
  path: string,
  options: {
    headers?: Record<string, string>
    body?: unknown
    remoteAddress?: string
  } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  const env = options.remoteAddress
    ? { incoming: { socket: { remoteAddress: options.remoteAddress } } }
    : undefined

  return Promise.resolve(
    app.request(
      path,
      {
        method,
        headers,
        body:
          options.body === undefined ? undefined : JSON.stringify(options.body),
      },
      env,
    ),
  )
}

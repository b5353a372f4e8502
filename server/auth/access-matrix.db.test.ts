import { beforeAll, describe, expect, it } from 'vitest'
import {
  type AccessEntry,
  type ExpectedStatuses,
  MATRIX_ACTORS,
  type MatrixActor,
} from '../testing/access-matrix'
import {
  createTestApp,
  createTestPartner,
  createTestToken,
  createTestUser,
  sendJson,
  signInTestUser,
  type TestServices,
} from '../testing/test-app'
import { staticRoutes } from '../web/static-routes'
import { TOKEN_SCOPES } from './actor'

/**
 * Runs every route of the real app as each kind of caller and checks the
 * status against the matrix. Entries come from every `*.access.ts` file
 * under server/; see server/testing/access-matrix.ts.
 */
const entryModules = import.meta.glob<{ accessEntries: AccessEntry[] }>(
  '../**/*.access.ts',
  { eager: true },
)
const entries = Object.values(entryModules).flatMap((m) => m.accessEntries)

type App = Awaited<ReturnType<typeof createTestApp>>['app']

const keyOf = (route: { method: string; path: string }) =>
  `${route.method} ${route.path}`

/** Method and path of every route with a handler, middleware left out. */
function routeKeys(app: { routes: { method: string; path: string }[] }) {
  return new Set(app.routes.filter((r) => r.method !== 'ALL').map(keyOf))
}

describe('access matrix', async () => {
  const { app, services } = await createTestApp()
  const callers = new Map<MatrixActor, Caller>()

  beforeAll(async () => {
    const partner = await createTestPartner(services)
    for (const actor of MATRIX_ACTORS) {
      callers.set(actor, await createCaller(services, actor, partner.id))
    }
  })

  it('has an entry for every route of the app, and no stale one', () => {
    const staticKeys = routeKeys(staticRoutes())
    const appKeys = [...routeKeys(app)].filter((key) => !staticKeys.has(key))
    const entryKeys = entries.map((e) =>
      keyOf({ method: e.method, path: e.route }),
    )

    const missing = appKeys.filter((key) => !entryKeys.includes(key))
    const stale = entryKeys.filter((key) => !appKeys.includes(key))
    const duplicated = entryKeys.filter(
      (key, i) => entryKeys.indexOf(key) !== i,
    )

    expect({ missing, stale, duplicated }).toEqual({
      missing: [],
      stale: [],
      duplicated: [],
    })
  })

  for (const entry of entries) {
    it(`${entry.method} ${entry.route} answers each caller as expected`, async () => {
      const actual = {} as ExpectedStatuses
      for (const actor of MATRIX_ACTORS) {
        const caller = callers.get(actor)!
        actual[actor] = await callAs(app, services, entry, caller)
      }

      expect(actual).toEqual(entry.expect)
    })
  }
})

interface Caller {
  actor: MatrixActor
  partnerId: string
  /** Fresh credentials per request, so that a logout does not leak on. */
  headers(): Promise<Record<string, string>>
}

async function createCaller(
  services: TestServices,
  actor: MatrixActor,
  partnerId: string,
): Promise<Caller> {
  const origin = { Origin: services.config.publicOrigin }
  switch (actor) {
    case 'anonymous':
      return { actor, partnerId, headers: async () => origin }
    case 'token': {
      const { headers } = await createTestToken(services, {
        partnerId,
        scopes: TOKEN_SCOPES,
      })
      return { actor, partnerId, headers: async () => headers }
    }
    default: {
      const { user } = await createTestUser(services, {
        role: actor,
        partnerId,
      })
      return {
        actor,
        partnerId,
        headers: async () => (await signInTestUser(services, user.id)).headers,
      }
    }
  }
}

async function callAs(
  app: App,
  services: TestServices,
  entry: AccessEntry,
  caller: Caller,
): Promise<number> {
  const request =
    (await entry.request?.({
      services,
      actor: caller.actor,
      partnerId: caller.partnerId,
    })) ?? {}
  const response = await sendJson(
    app,
    entry.method,
    request.path ?? entry.route,
    {
      headers: { ...(await caller.headers()), ...request.headers },
      body: request.body,
    },
  )
  // Drain the body so that streamed answers do not linger.
  await response.arrayBuffer()

  return response.status
}

import { sql } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { type DatabaseHandle, openDatabase } from '../../db/open-database'
import { ConfigError } from '../config/config'
import { createLogger } from '../logger'
import {
  createTestApp,
  createTestServices,
  sendJson,
} from '../testing/test-app'
import { bootstrapIdentities, FIRST_ADMIN_EMAIL } from './bootstrap-identities'

// Bootstrapping needs an empty database, so this file has its own.
let database: DatabaseHandle

async function servicesOnEmptyDatabase(
  config: Parameters<typeof createTestServices>[0] = {},
) {
  database ??= await openDatabase({ dataDir: 'memory://' })
  const logLines: Record<string, unknown>[] = []
  const log = createLogger('info', {
    write: (line: string) => logLines.push(JSON.parse(line)),
  })
  const services = {
    ...(await createTestServices({ ...config, log })),
    database,
  }

  return { services, logLines }
}

beforeEach(async () => {
  if (!database) return
  await database.db.execute(
    sql`truncate users, partners, sessions, api_tokens, audit_events cascade`,
  )
})

afterAll(async () => {
  await database?.close()
})

describe('bootstrapping identities', () => {
  it('makes a first admin with a one-time password logged once', async () => {
    const { services, logLines } = await servicesOnEmptyDatabase()

    const result = await bootstrapIdentities(services)
    const again = await bootstrapIdentities(services)

    expect(result?.admin?.email).toBe(FIRST_ADMIN_EMAIL)
    expect(again).toBeNull()
    const printed = logLines.filter((l) => 'initialPassword' in l)
    expect(printed).toHaveLength(1)
    const { app } = await createTestApp(services)
    const login = await sendJson(app, 'POST', '/api/auth/login', {
      headers: { Origin: services.config.publicOrigin },
      body: { email: FIRST_ADMIN_EMAIL, password: printed[0]!.initialPassword },
    })
    expect(login.status).toBe(200)
  })

  it('makes the admin named by the environment and prints no password', async () => {
    const bootstrapAdmin = {
      email: 'ops@centre.example',
      password: 'a long deployment passphrase',
    }
    const { services, logLines } = await servicesOnEmptyDatabase({
      config: { bootstrapAdmin },
    })

    const result = await bootstrapIdentities(services)

    expect(result?.admin).toMatchObject({
      email: 'ops@centre.example',
      role: 'admin',
    })
    expect(JSON.stringify(logLines)).not.toContain(bootstrapAdmin.password)
  })

  it('refuses a common bootstrap password', async () => {
    const { services } = await servicesOnEmptyDatabase({
      config: {
        bootstrapAdmin: {
          email: 'ops@centre.example',
          password: 'password1234',
        },
      },
    })

    await expect(bootstrapIdentities(services)).rejects.toBeInstanceOf(
      ConfigError,
    )
  })

  it('makes demo partners of every kind with their users in demo mode', async () => {
    const { services, logLines } = await servicesOnEmptyDatabase({
      config: { isDemo: true },
    })

    const result = await bootstrapIdentities(services)

    expect(result?.demo?.partners.map((p) => p.kind).sort()).toEqual([
      'centre',
      'inspection',
      'ministry',
      'ngo',
      'police',
      'prosecution',
    ])
    expect(
      result?.demo?.users.filter((u) => u.user.role === 'admin'),
    ).toHaveLength(1)
    expect(result?.admin).toBeNull()
    expect(logLines.filter((l) => 'initialPassword' in l)).toHaveLength(
      result!.demo!.users.length,
    )
  })
})

import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { selectRows } from '../../db/rows'
import { createLogger } from '../logger'
import {
  createTestApp,
  createTestServices,
  createTestUser,
  sendJson,
} from '../testing/test-app'

const TABLES = [
  'partners',
  'users',
  'sessions',
  'api_tokens',
  'login_throttles',
  'audit_events',
]

describe('secrets', () => {
  it('leaves no raw password or token in the database or the logs', async () => {
    const logLines: string[] = []
    const services = await createTestServices({
      log: createLogger('trace', { write: (line) => logLines.push(line) }),
    })
    const { app } = await createTestApp(services)
    const origin = { Origin: services.config.publicOrigin }
    const admin = await createTestUser(services, { role: 'admin' })
    const secrets: string[] = [admin.password, admin.token]

    const created = await sendJson(app, 'POST', '/api/users', {
      headers: admin.headers,
      body: {
        partnerId: admin.partner.id,
        email: `secret-keeper-${admin.user.id}@test.example`,
        displayName: 'Keeper',
        role: 'analyst',
      },
    })
    const { user, password } = await created.json()
    secrets.push(password)
    await sendJson(app, 'POST', '/api/auth/login', {
      headers: origin,
      body: { email: user.email, password: 'a mistyped password' },
    })
    secrets.push('a mistyped password')
    const login = await sendJson(app, 'POST', '/api/auth/login', {
      headers: origin,
      body: { email: user.email, password },
    })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    secrets.push(cookie.split('=')[1]!)
    const newPassword = 'a secret passphrase nobody guesses'
    secrets.push(newPassword)
    await sendJson(app, 'POST', '/api/users/me/password', {
      headers: { ...origin, Cookie: cookie },
      body: { currentPassword: password, newPassword },
    })
    const token = await sendJson(app, 'POST', '/api/tokens', {
      headers: admin.headers,
      body: {
        partnerId: admin.partner.id,
        name: 'Feed',
        scopes: ['records:write'],
      },
    })
    const { secret } = await token.json()
    secrets.push(secret)
    await sendJson(app, 'GET', '/api/partners', {
      headers: { Authorization: `Bearer ${secret}` },
    })
    await sendJson(app, 'GET', '/api/me', {
      headers: { Authorization: `Bearer ${secret}x` },
    })

    const dump = JSON.stringify(
      await Promise.all(
        TABLES.map((table) =>
          selectRows(services.database.db, sql.raw(`select * from ${table}`)),
        ),
      ),
    )
    const logs = logLines.join('\n')
    for (const value of secrets) {
      // The secret half of a session token is what must never be stored.
      const needle = value.includes('.') ? value.split('.')[1]! : value
      expect(dump).not.toContain(needle)
      expect(logs).not.toContain(needle)
    }
    expect(secrets).toHaveLength(7)
  })
})

import { describe, expect, it } from 'vitest'
import { uniqueSuffix } from '../../db/testing/test-database'
import { createTestApp, createTestUser, sendJson } from '../testing/test-app'
import { AdminCommandError, runAdminCommand } from './admin-command'

const noInput = async () => ''

describe('npm run admin', () => {
  it('creates an admin who can sign in with the password shown once', async () => {
    const { app, services } = await createTestApp()
    const email = `cli-${uniqueSuffix()}@centre.example`

    const output = await runAdminCommand(
      ['create', '--email', email],
      services,
      noInput,
    )
    const password = /Password \(shown once\): (\S+)/.exec(output)?.[1]
    const login = await sendJson(app, 'POST', '/api/auth/login', {
      headers: { Origin: services.config.publicOrigin },
      body: { email, password },
    })

    expect(login.status).toBe(200)
    expect((await login.json()).user.role).toBe('admin')
  })

  it('resets a disabled account into an admin, ending its sessions', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    const target = await createTestUser(services, { role: 'reviewer' })
    await sendJson(app, 'PATCH', `/api/users/${target.user.id}`, {
      headers: admin.headers,
      body: { isDisabled: true },
    })
    const password = 'the recovered admin passphrase'

    const output = await runAdminCommand(
      ['reset', '--email', target.user.email, '--password-stdin'],
      services,
      async () => `${password}\n`,
    )
    const login = await sendJson(app, 'POST', '/api/auth/login', {
      headers: { Origin: services.config.publicOrigin },
      body: { email: target.user.email, password },
    })

    expect(output).not.toContain(password)
    expect(login.status).toBe(200)
    expect((await login.json()).user.role).toBe('admin')
  })

  it('refuses a common password and an unknown command', async () => {
    const { services } = await createTestApp()

    await expect(
      runAdminCommand(
        [
          'create',
          '--email',
          `weak-${uniqueSuffix()}@centre.example`,
          '--password-stdin',
        ],
        services,
        async () => '123qweasdzxc',
      ),
    ).rejects.toThrow(/most common/)
    await expect(
      runAdminCommand(['delete', '--email', 'x@y.example'], services, noInput),
    ).rejects.toBeInstanceOf(AdminCommandError)
  })
})

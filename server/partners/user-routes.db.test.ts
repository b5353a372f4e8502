import { describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestPartner,
  createTestUser,
  sendJson,
} from '../testing/test-app'

describe('users', () => {
  it('lets an admin create a user who can then sign in', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    const partner = await createTestPartner(services, { kind: 'police' })
    const email = `new-${partner.id}@test.example`

    const created = await sendJson(app, 'POST', '/api/users', {
      headers: admin.headers,
      body: {
        partnerId: partner.id,
        email,
        displayName: 'New One',
        role: 'analyst',
      },
    })
    const body = await created.json()
    const login = await sendJson(app, 'POST', '/api/auth/login', {
      headers: { Origin: services.config.publicOrigin },
      body: { email, password: body.password },
    })

    expect(created.status).toBe(201)
    expect(body.user).toMatchObject({
      email,
      role: 'analyst',
      isDisabled: false,
    })
    expect(body.user).not.toHaveProperty('passwordHash')
    expect(body.password).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){5}$/)
    expect(login.status).toBe(200)
  })

  it('refuses a common password and says why', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })

    const response = await sendJson(app, 'POST', '/api/users', {
      headers: admin.headers,
      body: {
        partnerId: admin.partner.id,
        email: `weak-${admin.user.id}@test.example`,
        displayName: 'Weak',
        role: 'reviewer',
        password: 'Qwerty123456',
      },
    })

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      code: 'password_not_accepted',
      reason: 'too_common',
      message: expect.stringContaining('most common'),
    })
  })

  it('refuses a short password and a second account with one e-mail', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    const body = {
      partnerId: admin.partner.id,
      email: admin.user.email,
      displayName: 'Twin',
      role: 'reviewer',
    }

    const short = await sendJson(app, 'POST', '/api/users', {
      headers: admin.headers,
      body: { ...body, password: 'short pass' },
    })
    const twin = await sendJson(app, 'POST', '/api/users', {
      headers: admin.headers,
      body,
    })

    expect(await short.json()).toMatchObject({ reason: 'too_short' })
    expect(twin.status).toBe(409)
    expect(await twin.json()).toMatchObject({ code: 'email_taken' })
  })

  it('ends the sessions of a user who is disabled', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    const target = await createTestUser(services, { role: 'analyst' })
    const ended: string[] = []
    services.sessionEvents.onSessionsEnded((e) => ended.push(...e.sessionIds))

    const response = await sendJson(
      app,
      'PATCH',
      `/api/users/${target.user.id}`,
      {
        headers: admin.headers,
        body: { isDisabled: true },
      },
    )
    const me = await sendJson(app, 'GET', '/api/me', {
      headers: target.headers,
    })

    expect(response.status).toBe(200)
    expect(me.status).toBe(401)
    expect(ended).toEqual([target.session.id])
  })

  it('changes a role, ending the sessions made under the old one', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    const target = await createTestUser(services, { role: 'reviewer' })
    const ended: string[] = []
    services.sessionEvents.onSessionsEnded((e) => ended.push(e.reason))

    await sendJson(app, 'PATCH', `/api/users/${target.user.id}`, {
      headers: admin.headers,
      body: { role: 'admin' },
    })
    const old = await sendJson(app, 'GET', '/api/users', {
      headers: target.headers,
    })
    const login = await sendJson(app, 'POST', '/api/auth/login', {
      headers: { Origin: services.config.publicOrigin },
      body: { email: target.user.email, password: target.password },
    })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const users = await sendJson(app, 'GET', '/api/users', {
      headers: { Cookie: cookie },
    })

    expect(ended).toEqual(['role_changed'])
    expect(old.status).toBe(401)
    expect(users.status).toBe(200)
  })

  it('does not let an admin change their own role or disable themselves', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })

    const response = await sendJson(
      app,
      'PATCH',
      `/api/users/${admin.user.id}`,
      {
        headers: admin.headers,
        body: { isDisabled: true },
      },
    )

    expect(response.status).toBe(409)
  })

  it("lets an admin list and end anyone's sessions", async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    const target = await createTestUser(services, { role: 'coordinator' })
    const path = `/api/users/${target.user.id}/sessions`

    const listed = await sendJson(app, 'GET', path, { headers: admin.headers })
    const ended = await sendJson(app, 'DELETE', path, {
      headers: admin.headers,
    })
    const me = await sendJson(app, 'GET', '/api/me', {
      headers: target.headers,
    })

    expect((await listed.json()).sessions).toEqual([
      expect.objectContaining({ id: target.session.id }),
    ])
    expect(await ended.json()).toEqual({ endedSessionIds: [target.session.id] })
    expect(me.status).toBe(401)
  })

  it('resets a password, ending the sessions made with the old one', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    const target = await createTestUser(services, { role: 'analyst' })

    const reset = await sendJson(app, 'PATCH', `/api/users/${target.user.id}`, {
      headers: admin.headers,
      body: { password: 'a brand new long passphrase' },
    })
    const me = await sendJson(app, 'GET', '/api/me', {
      headers: target.headers,
    })

    expect(reset.status).toBe(200)
    expect(me.status).toBe(401)
  })
})

import { describe, expect, it } from 'vitest'
import { createTestApp, createTestUser, sendJson } from '../testing/test-app'
import { sessionCookieHeader } from './session-cookie'
import { createSession, validateSessionToken } from './sessions'

describe('POST /api/users/me/password', () => {
  it('changes the password and ends every session but a fresh one', async () => {
    const { app, services } = await createTestApp()
    const { user, password, headers } = await createTestUser(services, {
      role: 'analyst',
    })
    const elsewhere = await createSession(services, user.id)
    const newPassword = 'correct horse battery staple'

    const response = await sendJson(app, 'POST', '/api/users/me/password', {
      headers,
      body: { currentPassword: password, newPassword },
    })
    const fresh = response.headers.get('set-cookie')?.split(';')[0] ?? ''
    const oldSession = await sendJson(app, 'GET', '/api/me', { headers })
    const otherSession = await sendJson(app, 'GET', '/api/me', {
      headers: { Cookie: sessionCookieHeader(elsewhere.token) },
    })
    const newSession = await sendJson(app, 'GET', '/api/me', {
      headers: { Cookie: fresh },
    })
    const login = await sendJson(app, 'POST', '/api/auth/login', {
      headers: { Origin: services.config.publicOrigin },
      body: { email: user.email, password: newPassword },
    })

    expect(response.status).toBe(204)
    expect(oldSession.status).toBe(401)
    expect(otherSession.status).toBe(401)
    expect(newSession.status).toBe(200)
    expect(login.status).toBe(200)
  })

  it('refuses a wrong current password and keeps the sessions', async () => {
    const { app, services } = await createTestApp()
    const { headers } = await createTestUser(services, { role: 'analyst' })

    const response = await sendJson(app, 'POST', '/api/users/me/password', {
      headers,
      body: {
        currentPassword: 'not my password',
        newPassword: 'correct horse battery staple',
      },
    })
    const me = await sendJson(app, 'GET', '/api/me', { headers })

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      code: 'wrong_current_password',
    })
    expect(me.status).toBe(200)
  })

  it('refuses a new password that is too common, saying why', async () => {
    const { app, services } = await createTestApp()
    const { password, headers } = await createTestUser(services, {
      role: 'reviewer',
    })

    const response = await sendJson(app, 'POST', '/api/users/me/password', {
      headers,
      body: { currentPassword: password, newPassword: 'qwertyuiop123' },
    })

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ reason: 'too_common' })
  })

  it('holds a user whose password was made for them to changing it first', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    const email = `pending-${admin.user.id}@test.example`
    const created = await sendJson(app, 'POST', '/api/users', {
      headers: admin.headers,
      body: {
        partnerId: admin.partner.id,
        email,
        displayName: 'P',
        role: 'analyst',
      },
    })
    const { password } = await created.json()
    const origin = { Origin: services.config.publicOrigin }

    const login = await sendJson(app, 'POST', '/api/auth/login', {
      headers: origin,
      body: { email, password },
    })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const headers = { ...origin, Cookie: cookie }
    const me = await sendJson(app, 'GET', '/api/me', { headers })
    const partners = await sendJson(app, 'GET', '/api/partners', { headers })
    // The live sync validates without the allowance, so it refuses too.
    const live = await validateSessionToken(services, cookie.split('=')[1]!)

    expect((await login.json()).user.mustChangePassword).toBe(true)
    expect(me.status).toBe(200)
    expect(partners.status).toBe(403)
    expect(await partners.json()).toMatchObject({
      code: 'password_change_required',
    })
    expect(live).toBeNull()

    const changed = await sendJson(app, 'POST', '/api/users/me/password', {
      headers,
      body: {
        currentPassword: password,
        newPassword: 'my very own passphrase',
      },
    })
    const fresh = changed.headers.get('set-cookie')!.split(';')[0]!
    const after = await sendJson(app, 'GET', '/api/partners', {
      headers: { Cookie: fresh },
    })

    expect(changed.status).toBe(204)
    expect(after.status).toBe(200)
  })
})

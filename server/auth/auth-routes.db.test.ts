import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, sessions } from '../../db/schema'
import { createTestApp, createTestUser, sendJson } from '../testing/test-app'
import { SESSION_COOKIE_NAME } from './session-cookie'

describe('POST /api/auth/login', () => {
  it('signs in with a new session token in a locked-down cookie', async () => {
    const { app, services } = await createTestApp()
    const { user, password, session } = await createTestUser(services, {
      role: 'analyst',
    })
    const origin = { Origin: services.config.publicOrigin }

    const response = await sendJson(app, 'POST', '/api/auth/login', {
      headers: origin,
      body: { email: user.email.toUpperCase(), password },
    })

    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      user: { id: user.id, role: 'analyst', partner: { id: user.partnerId } },
    })
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(
      new RegExp(`^${SESSION_COOKIE_NAME}=[a-z2-7]{24}\\.`),
    )
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('Secure')
    expect(cookie).toContain('SameSite=Strict')
    expect(cookie).toContain('Path=/')
    expect(cookie).not.toContain(session.id)
  })

  it('gives the same answer for an unknown account and a wrong password', async () => {
    const { app, services } = await createTestApp()
    const { user } = await createTestUser(services, { role: 'analyst' })
    const headers = { Origin: services.config.publicOrigin }

    const wrongPassword = await sendJson(app, 'POST', '/api/auth/login', {
      headers,
      body: { email: user.email, password: 'not the password at all' },
    })
    const unknownAccount = await sendJson(app, 'POST', '/api/auth/login', {
      headers,
      body: {
        email: `nobody-${user.email}`,
        password: 'not the password at all',
      },
    })

    expect(wrongPassword.status).toBe(401)
    expect(unknownAccount.status).toBe(401)
    expect(await wrongPassword.json()).toEqual(await unknownAccount.json())
    const trail = await services.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, user.id))
    expect(trail).toContainEqual(
      expect.objectContaining({ action: 'auth.login', outcome: 'failure' }),
    )
  })

  it('refuses a disabled account with the same answer', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    const { user, password } = await createTestUser(services, {
      role: 'reviewer',
    })
    await sendJson(app, 'PATCH', `/api/users/${user.id}`, {
      headers: admin.headers,
      body: { isDisabled: true },
    })

    const response = await sendJson(app, 'POST', '/api/auth/login', {
      headers: { Origin: services.config.publicOrigin },
      body: { email: user.email, password },
    })

    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ code: 'invalid_credentials' })
  })

  it('refuses a sign-in posted from another site and makes no session', async () => {
    const { app, services } = await createTestApp()
    const { user, password } = await createTestUser(services, {
      role: 'analyst',
    })

    const response = await sendJson(app, 'POST', '/api/auth/login', {
      headers: { Origin: 'https://evil.example' },
      body: { email: user.email, password },
    })

    expect(response.status).toBe(403)
    const rows = await services.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, user.id))
    expect(rows).toHaveLength(1)
  })
})

describe('signing in again', () => {
  it('ends the session the browser had before', async () => {
    const { app, services } = await createTestApp()
    const before = await createTestUser(services, { role: 'analyst' })
    const other = await createTestUser(services, { role: 'reviewer' })

    const login = await sendJson(app, 'POST', '/api/auth/login', {
      headers: before.headers,
      body: { email: other.user.email, password: other.password },
    })
    const old = await sendJson(app, 'GET', '/api/me', {
      headers: before.headers,
    })

    expect(login.status).toBe(200)
    expect(old.status).toBe(401)
  })
})

describe('POST /api/auth/logout', () => {
  it('ends the session at once and clears the cookie', async () => {
    const { app, services } = await createTestApp()
    const { headers } = await createTestUser(services, { role: 'analyst' })

    const logout = await sendJson(app, 'POST', '/api/auth/logout', { headers })
    const after = await sendJson(app, 'GET', '/api/me', { headers })

    expect(logout.status).toBe(204)
    expect(logout.headers.get('set-cookie')).toContain('Max-Age=0')
    expect(after.status).toBe(401)
  })
})

describe('GET /api/me', () => {
  it('answers the user, role and partner', async () => {
    const { app, services } = await createTestApp()
    const { user, headers } = await createTestUser(services, {
      role: 'coordinator',
      displayName: 'Ada Coordinator',
    })

    const response = await sendJson(app, 'GET', '/api/me', { headers })

    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({
      user: {
        id: user.id,
        email: user.email,
        displayName: 'Ada Coordinator',
        role: 'coordinator',
        mustChangePassword: false,
        partnerId: user.partnerId,
        partner: {
          id: user.partnerId,
          name: expect.any(String),
          kind: 'centre',
        },
      },
    })
  })

  it('answers 401 once the session has been idle too long', async () => {
    const { app, services } = await createTestApp()
    const { headers } = await createTestUser(services, { role: 'reviewer' })

    services.clock.advanceMs(services.config.sessionIdleTimeoutMs)
    const response = await sendJson(app, 'GET', '/api/me', { headers })

    expect(response.status).toBe(401)
    expect(response.headers.get('set-cookie')).toContain('Max-Age=0')
  })
})

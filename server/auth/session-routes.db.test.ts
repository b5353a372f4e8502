import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents } from '../../db/schema'
import { createTestApp, createTestUser, sendJson } from '../testing/test-app'
import { sessionCookieHeader } from './session-cookie'
import { createSession } from './sessions'

describe('my sessions', () => {
  it('lists my sessions and marks the one in use', async () => {
    const { app, services } = await createTestApp()
    const { user, session, headers } = await createTestUser(services, {
      role: 'reviewer',
    })
    const other = await createSession(services, user.id, {
      ipAddress: '192.0.2.4',
      userAgent: 'Phone browser',
    })

    const response = await sendJson(app, 'GET', '/api/sessions', { headers })
    const { sessions } = await response.json()

    expect(sessions).toHaveLength(2)
    expect(sessions).toContainEqual(
      expect.objectContaining({ id: session.id, isCurrent: true }),
    )
    expect(sessions).toContainEqual(
      expect.objectContaining({
        id: other.session.id,
        isCurrent: false,
        ipAddress: '192.0.2.4',
        userAgent: 'Phone browser',
      }),
    )
    expect(JSON.stringify(sessions)).not.toContain(other.token.split('.')[1])
  })

  it('ends my other sessions and keeps this one', async () => {
    const { app, services } = await createTestApp()
    const { user, headers } = await createTestUser(services, {
      role: 'analyst',
    })
    const other = await createSession(services, user.id)

    const ended = await sendJson(app, 'DELETE', '/api/sessions', { headers })
    const here = await sendJson(app, 'GET', '/api/me', { headers })
    const there = await sendJson(app, 'GET', '/api/me', {
      headers: { Cookie: sessionCookieHeader(other.token) },
    })

    expect(await ended.json()).toEqual({ endedSessionIds: [other.session.id] })
    expect(here.status).toBe(200)
    expect(there.status).toBe(401)
    const trail = await services.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, user.id))
    expect(trail).toContainEqual(
      expect.objectContaining({
        action: 'auth.sessions_ended',
        details: { reason: 'ended_by_user', sessionIds: [other.session.id] },
      }),
    )
  })

  it("cannot end someone else's session", async () => {
    const { app, services } = await createTestApp()
    const me = await createTestUser(services, { role: 'analyst' })
    const someoneElse = await createTestUser(services, { role: 'analyst' })

    const response = await sendJson(
      app,
      'DELETE',
      `/api/sessions/${someoneElse.session.id}`,
      { headers: me.headers },
    )
    const theirs = await sendJson(app, 'GET', '/api/me', {
      headers: someoneElse.headers,
    })

    expect(response.status).toBe(404)
    expect(theirs.status).toBe(200)
  })

  it('signs out when I end the session in use', async () => {
    const { app, services } = await createTestApp()
    const { session, headers } = await createTestUser(services, {
      role: 'analyst',
    })

    const response = await sendJson(
      app,
      'DELETE',
      `/api/sessions/${session.id}`,
      {
        headers,
      },
    )
    const after = await sendJson(app, 'GET', '/api/me', { headers })

    expect(response.status).toBe(204)
    expect(response.headers.get('set-cookie')).toContain('Max-Age=0')
    expect(after.status).toBe(401)
  })
})

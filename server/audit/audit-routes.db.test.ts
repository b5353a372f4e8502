import { describe, expect, it } from 'vitest'
import { createTestApp, createTestUser, sendJson } from '../testing/test-app'

describe('GET /api/audit', () => {
  it('filters the trail and pages through it, newest first, in UTC', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    const target = await createTestUser(services, { role: 'analyst' })
    for (const displayName of ['One', 'Two', 'Three']) {
      await sendJson(app, 'PATCH', `/api/users/${target.user.id}`, {
        headers: admin.headers,
        body: { displayName },
      })
    }
    const query = `action=user.updated&targetId=${target.user.id}&limit=2`

    const first = await sendJson(app, 'GET', `/api/audit?${query}`, {
      headers: admin.headers,
    })
    const firstPage = await first.json()
    const second = await sendJson(
      app,
      'GET',
      `/api/audit?${query}&before=${firstPage.nextBefore}`,
      { headers: admin.headers },
    )
    const secondPage = await second.json()

    expect(first.status).toBe(200)
    expect(
      firstPage.events.map((e: { details: unknown }) => e.details),
    ).toEqual([
      {
        changes: { displayName: { from: 'Two', to: 'Three' } },
        isPasswordReset: false,
      },
      {
        changes: { displayName: { from: 'One', to: 'Two' } },
        isPasswordReset: false,
      },
    ])
    expect(firstPage.events[0]).toMatchObject({
      actorUserId: admin.user.id,
      actorPartnerId: admin.partner.id,
      occurredAt: expect.stringMatching(/Z$/),
    })
    expect(secondPage.events).toHaveLength(1)
    expect(secondPage.nextBefore).toBeNull()
  })

  it('finds sign-in failures by area and outcome', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    await sendJson(app, 'POST', '/api/auth/login', {
      headers: { Origin: services.config.publicOrigin },
      body: { email: admin.user.email, password: 'a wrong password' },
    })

    const response = await sendJson(
      app,
      'GET',
      `/api/audit?action=auth.&outcome=failure&targetId=${admin.user.id}`,
      { headers: admin.headers },
    )

    expect((await response.json()).events).toEqual([
      expect.objectContaining({
        action: 'auth.login',
        outcome: 'failure',
        details: { reason: 'wrong_password', email: admin.user.email },
      }),
    ])
  })

  it('refuses a malformed filter with the field named', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })

    const response = await sendJson(app, 'GET', '/api/audit?from=yesterday', {
      headers: admin.headers,
    })

    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      issues: [expect.objectContaining({ path: 'from' })],
    })
  })
})

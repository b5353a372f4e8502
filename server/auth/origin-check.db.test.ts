import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { partners, users } from '../../db/schema'
import { uniqueSuffix } from '../../db/testing/test-database'
import { createTestApp, createTestUser, sendJson } from '../testing/test-app'

describe('origin check', () => {
  it('refuses a state-changing request from another site', async () => {
    const { app } = await createTestApp()

    const crossSite = await app.request('/healthz', {
      method: 'POST',
      headers: { Origin: 'https://evil.example' },
    })
    const withoutOrigin = await app.request('/healthz', { method: 'POST' })

    expect(crossSite.status).toBe(403)
    expect(await crossSite.json()).toMatchObject({
      code: 'cross_origin_refused',
    })
    expect(withoutOrigin.status).toBe(403)
  })

  it('lets through requests from the site itself', async () => {
    const { app, services } = await createTestApp()

    const sameOrigin = await app.request('/healthz', {
      method: 'POST',
      headers: { Origin: services.config.publicOrigin },
    })
    const fetchMetadata = await app.request('/healthz', {
      method: 'POST',
      headers: { 'Sec-Fetch-Site': 'same-origin' },
    })
    const read = await app.request('/healthz')

    // Past the check, no route answers POST /healthz.
    expect(sameOrigin.status).toBe(404)
    expect(fetchMetadata.status).toBe(404)
    expect(read.status).toBe(200)
  })

  it('changes nothing when a signed-in admin is tricked from another site', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    const target = await createTestUser(services, { role: 'analyst' })
    const crossSite = { Cookie: admin.cookie, Origin: 'https://evil.example' }
    const name = `Forged partner ${uniqueSuffix()}`

    const created = await sendJson(app, 'POST', '/api/partners', {
      headers: crossSite,
      body: { name, kind: 'ngo' },
    })
    const promoted = await sendJson(
      app,
      'PATCH',
      `/api/users/${target.user.id}`,
      {
        headers: { Cookie: admin.cookie, 'Sec-Fetch-Site': 'cross-site' },
        body: { role: 'admin' },
      },
    )

    expect(created.status).toBe(403)
    expect(promoted.status).toBe(403)
    const { db } = services.database
    expect(
      await db.select().from(partners).where(eq(partners.name, name)),
    ).toEqual([])
    const [after] = await db
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, target.user.id))
    expect(after?.role).toBe('analyst')
  })
})

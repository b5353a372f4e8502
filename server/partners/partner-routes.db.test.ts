import { describe, expect, it } from 'vitest'
import { uniqueSuffix } from '../../db/testing/test-database'
import {
  createTestApp,
  createTestPartner,
  createTestToken,
  createTestUser,
  sendJson,
} from '../testing/test-app'

describe('partners', () => {
  it('lets an admin create and rename a partner, and anyone list them', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    const reviewer = await createTestUser(services, { role: 'reviewer' })
    const name = `Labour inspection ${uniqueSuffix()}`

    const created = await sendJson(app, 'POST', '/api/partners', {
      headers: admin.headers,
      body: { name, kind: 'inspection' },
    })
    const { partner } = await created.json()
    const renamed = await sendJson(
      app,
      'PATCH',
      `/api/partners/${partner.id}`,
      {
        headers: admin.headers,
        body: { name: `${name} (north)` },
      },
    )
    const listed = await sendJson(app, 'GET', '/api/partners', {
      headers: reviewer.headers,
    })

    expect(created.status).toBe(201)
    expect(partner).toMatchObject({ name, kind: 'inspection', isActive: true })
    expect(renamed.status).toBe(200)
    expect((await listed.json()).partners).toContainEqual(
      expect.objectContaining({ id: partner.id, name: `${name} (north)` }),
    )
  })

  it('refuses an unknown kind and a duplicate name', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    const existing = await createTestPartner(services)

    const badKind = await sendJson(app, 'POST', '/api/partners', {
      headers: admin.headers,
      body: { name: 'Somebody', kind: 'army' },
    })
    const duplicate = await sendJson(app, 'POST', '/api/partners', {
      headers: admin.headers,
      body: { name: existing.name, kind: 'ngo' },
    })

    expect(badKind.status).toBe(400)
    expect(await badKind.json()).toMatchObject({
      code: 'validation_failed',
      issues: [expect.objectContaining({ path: 'kind' })],
    })
    expect(duplicate.status).toBe(409)
  })

  it("deactivating a partner ends its users' sessions and stops its tokens", async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    const partner = await createTestPartner(services, { kind: 'ngo' })
    const member = await createTestUser(services, {
      role: 'analyst',
      partnerId: partner.id,
    })
    const token = await createTestToken(services, {
      partnerId: partner.id,
      scopes: ['records:write'],
    })

    const response = await sendJson(
      app,
      'PATCH',
      `/api/partners/${partner.id}`,
      {
        headers: admin.headers,
        body: { isActive: false },
      },
    )
    const me = await sendJson(app, 'GET', '/api/me', {
      headers: member.headers,
    })
    const machine = await sendJson(app, 'GET', '/api/me', {
      headers: token.headers,
    })

    expect(response.status).toBe(200)
    expect(me.status).toBe(401)
    expect(machine.status).toBe(401)
  })
})

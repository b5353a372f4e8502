import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { apiTokens } from '../../db/schema'
import { createTestApp, createTestUser, sendJson } from '../testing/test-app'
import { authenticateApiToken } from './api-tokens'

describe('API tokens', () => {
  it('shows a new token once and stores only its hash', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })

    const created = await sendJson(app, 'POST', '/api/tokens', {
      headers: admin.headers,
      body: {
        partnerId: admin.partner.id,
        name: 'Case system',
        scopes: ['records:write'],
      },
    })
    const { token, secret } = await created.json()
    const listed = await sendJson(app, 'GET', '/api/tokens', {
      headers: admin.headers,
    })
    const [row] = await services.database.db
      .select()
      .from(apiTokens)
      .where(eq(apiTokens.id, token.id))

    expect(created.status).toBe(201)
    expect(secret).toMatch(/^ciatteh_[a-z2-7]{52}$/)
    expect(JSON.stringify(row)).not.toContain(secret.slice(8))
    const listedText = JSON.stringify(await listed.json())
    expect(listedText).toContain(token.id)
    expect(listedText).not.toContain(secret.slice(8))
    expect(listedText).not.toContain('tokenHash')
    expect(await authenticateApiToken(services, secret)).toMatchObject({
      kind: 'token',
      partnerId: admin.partner.id,
      scopes: ['records:write'],
    })
  })

  it('stops working once revoked', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })
    const created = await sendJson(app, 'POST', '/api/tokens', {
      headers: admin.headers,
      body: {
        partnerId: admin.partner.id,
        name: 'Old system',
        scopes: ['records:read'],
      },
    })
    const { token, secret } = await created.json()

    const revoked = await sendJson(app, 'DELETE', `/api/tokens/${token.id}`, {
      headers: admin.headers,
    })
    const used = await sendJson(app, 'GET', '/api/partners', {
      headers: { Authorization: `Bearer ${secret}` },
    })

    expect(revoked.status).toBe(204)
    expect(used.status).toBe(401)
    expect(await used.json()).toMatchObject({ code: 'invalid_token' })
  })

  it('never falls back to the session cookie when the bearer is bad', async () => {
    const { app, services } = await createTestApp()
    const admin = await createTestUser(services, { role: 'admin' })

    const response = await sendJson(app, 'GET', '/api/me', {
      headers: { ...admin.headers, Authorization: 'Bearer nonsense' },
    })

    expect(response.status).toBe(401)
  })
})

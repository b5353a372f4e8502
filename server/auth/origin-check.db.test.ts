import { describe, expect, it } from 'vitest'
import { createTestApp } from '../testing/test-app'

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
})

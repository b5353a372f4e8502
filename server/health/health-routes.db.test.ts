import { PGlite } from '@electric-sql/pglite'
import { describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../db/open-database'
import { createTestApp, createTestServices } from '../testing/test-app'

/** A database handle whose server has gone away. */
async function unreachableDatabase(
  shared: DatabaseHandle,
): Promise<DatabaseHandle> {
  const gone = await PGlite.create('memory://')
  await gone.close()

  return {
    ...shared,
    ping: async () => {
      await gone.query('select 1')
    },
  }
}

describe('GET /healthz', () => {
  it('answers 200 while the database answers', async () => {
    const { app } = await createTestApp()

    const response = await app.request('/healthz')

    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ status: 'ok' })
  })

  it('answers 503 in the error shape when the database does not', async () => {
    const services = await createTestServices()
    const database = await unreachableDatabase(services.database)
    const { app } = await createTestApp({ database })

    const response = await app.request('/healthz')

    expect(response.status).toBe(503)
    expect(await response.json()).toEqual({
      code: 'database_unavailable',
      message: 'The database does not answer',
    })
  })

  it('sends strict security headers with every answer', async () => {
    const { app } = await createTestApp()

    const response = await app.request('/healthz')
    const policy = response.headers.get('content-security-policy') ?? ''

    expect(policy).toContain("default-src 'self'")
    expect(policy).toContain("connect-src 'self'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('no-referrer')
  })
})

describe('unknown routes', () => {
  it('answer 404 in the one JSON error shape', async () => {
    const { app } = await createTestApp()

    const response = await app.request('/api/no-such-thing')

    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      code: 'not_found',
      message: 'No route for GET /api/no-such-thing',
    })
  })
})

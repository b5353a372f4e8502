import { describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestUser,
  sendJson,
  type TestServices,
} from '../testing/test-app'

type App = Awaited<ReturnType<typeof createTestApp>>['app']

function login(
  app: App,
  services: TestServices,
  body: { email: string; password: string },
  remoteAddress = '198.51.100.1',
) {
  return sendJson(app, 'POST', '/api/auth/login', {
    headers: { Origin: services.config.publicOrigin },
    body,
    remoteAddress,
  })
}

describe('login throttling', () => {
  it('holds an account back after repeated failures, then lets it in again', async () => {
    const { app, services } = await createTestApp()
    const { user, password } = await createTestUser(services, {
      role: 'analyst',
    })
    const wrong = { email: user.email, password: 'wrong password, again' }

    const statuses = []
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await login(app, services, wrong)).status)
    }
    const held = await login(app, services, { email: user.email, password })

    expect(statuses).toEqual([401, 401, 401, 401, 401])
    expect(held.status).toBe(429)
    expect(held.headers.get('retry-after')).toBe('30')
    expect(await held.json()).toMatchObject({ code: 'too_many_attempts' })

    services.clock.advanceMs(30_000)
    const allowed = await login(app, services, { email: user.email, password })
    expect(allowed.status).toBe(200)

    // The success wiped the count: four more failures pass unthrottled.
    for (let attempt = 0; attempt < 4; attempt++) {
      expect((await login(app, services, wrong)).status).toBe(401)
    }
  })

  it('doubles the delay with each further failure', async () => {
    const { app, services } = await createTestApp()
    const { user } = await createTestUser(services, { role: 'analyst' })
    const wrong = { email: user.email, password: 'wrong password, again' }
    for (let attempt = 0; attempt < 5; attempt++) {
      await login(app, services, wrong)
    }

    services.clock.advanceMs(30_000)
    expect((await login(app, services, wrong)).status).toBe(401)
    const held = await login(app, services, wrong)

    expect(held.status).toBe(429)
    expect(held.headers.get('retry-after')).toBe('60')
  })

  it('forgets failures after a quiet day', async () => {
    const { app, services } = await createTestApp()
    const { user } = await createTestUser(services, { role: 'analyst' })
    const wrong = { email: user.email, password: 'wrong password, again' }
    for (let attempt = 0; attempt < 4; attempt++) {
      await login(app, services, wrong)
    }

    services.clock.advanceMs(25 * 3_600_000)
    const statuses = []
    for (let attempt = 0; attempt < 4; attempt++) {
      statuses.push((await login(app, services, wrong)).status)
    }

    expect(statuses).toEqual([401, 401, 401, 401])
    expect((await login(app, services, wrong)).status).toBe(401)
    expect((await login(app, services, wrong)).status).toBe(429)
  })

  it('treats an unknown account exactly like a known one', async () => {
    const { app, services } = await createTestApp()
    const { user } = await createTestUser(services, { role: 'analyst' })
    const attempt = async (email: string) =>
      (await login(app, services, { email, password: 'wrong password!' }))
        .status

    const known = []
    const unknown = []
    for (let i = 0; i < 6; i++) {
      known.push(await attempt(user.email))
      unknown.push(await attempt(`nobody-${user.email}`))
    }

    expect(unknown).toEqual(known)
    expect(known.at(-1)).toBe(429)
  })

  it('limits attempts per client address, refilling over time', async () => {
    const { app, services } = await createTestApp()
    const attempt = async (address: string, n: number) =>
      (
        await login(
          app,
          services,
          { email: `spray-${n}@test.example`, password: 'guess guess guess' },
          address,
        )
      ).status

    const burst = []
    for (let n = 0; n < 20; n++) burst.push(await attempt('203.0.113.7', n))
    const refused = await login(
      app,
      services,
      { email: 'spray-x@test.example', password: 'guess guess guess' },
      '203.0.113.7',
    )

    expect(new Set(burst)).toEqual(new Set([401]))
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('6')
    expect(await attempt('203.0.113.8', 99)).toBe(401)

    services.clock.advanceMs(6_000)
    expect(await attempt('203.0.113.7', 100)).toBe(401)
    expect(await attempt('203.0.113.7', 101)).toBe(429)
  })
})

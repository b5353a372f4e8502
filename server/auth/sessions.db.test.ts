import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { sessions, users } from '../../db/schema'
import { createTestServices, createTestUser } from '../testing/test-app'
import type { SessionsEnded } from './session-events'
import {
  createSession,
  invalidateUserSessions,
  listUserSessions,
  validateSessionToken,
} from './sessions'

const MINUTE_MS = 60_000

describe('sessions', () => {
  it('stores only a hash of the token secret', async () => {
    const services = await createTestServices()
    const { token, session } = await createTestUser(services, {
      role: 'analyst',
    })
    const [row] = await services.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, session.id))

    const [, secret] = token.split('.')
    expect(secret).toHaveLength(32)
    expect(JSON.stringify(row)).not.toContain(secret)
  })

  it('accepts its token and refuses a forged secret for the same id', async () => {
    const services = await createTestServices()
    const { token, user } = await createTestUser(services, { role: 'reviewer' })
    const [id] = token.split('.')

    const valid = await validateSessionToken(services, token)
    const forged = await validateSessionToken(
      services,
      `${id}.${'a'.repeat(32)}`,
    )

    expect(valid?.user.id).toBe(user.id)
    expect(forged).toBeNull()
    expect(await validateSessionToken(services, 'garbage')).toBeNull()
  })

  it('expires after the idle timeout without activity', async () => {
    const services = await createTestServices()
    const { token } = await createTestUser(services, { role: 'analyst' })

    services.clock.advanceMs(30 * MINUTE_MS)

    expect(await validateSessionToken(services, token)).toBeNull()
  })

  it('extends the idle expiry on activity, up to the absolute expiry', async () => {
    const services = await createTestServices()
    const { token } = await createTestUser(services, { role: 'analyst' })

    // 12 hours of activity every 25 minutes keeps the session alive...
    for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
      services.clock.advanceMs(25 * MINUTE_MS)
      expect(await validateSessionToken(services, token)).not.toBeNull()
    }
    // ...until the absolute expiry ends it regardless.
    services.clock.advanceMs(25 * MINUTE_MS)

    expect(await validateSessionToken(services, token)).toBeNull()
  })

  it('follows configured timeouts', async () => {
    const services = await createTestServices({
      config: { sessionIdleTimeoutMs: 5 * MINUTE_MS },
    })
    const { token } = await createTestUser(services, { role: 'analyst' })

    services.clock.advanceMs(4 * MINUTE_MS)
    expect(await validateSessionToken(services, token)).not.toBeNull()
    services.clock.advanceMs(5 * MINUTE_MS)

    expect(await validateSessionToken(services, token)).toBeNull()
  })

  it('refuses the session of a disabled user', async () => {
    const services = await createTestServices()
    const { token, user } = await createTestUser(services, { role: 'analyst' })

    await services.database.db
      .update(users)
      .set({ isDisabled: true })
      .where(eq(users.id, user.id))

    expect(await validateSessionToken(services, token)).toBeNull()
  })

  it("ends all of a user's sessions at once and says so", async () => {
    const services = await createTestServices()
    const first = await createTestUser(services, { role: 'analyst' })
    const second = await createSession(services, first.user.id)
    const heard: SessionsEnded[] = []
    services.sessionEvents.onSessionsEnded((event) => heard.push(event))

    const ended = await invalidateUserSessions(
      services,
      first.user.id,
      'password_changed',
    )

    expect(ended.sort()).toEqual([first.session.id, second.session.id].sort())
    expect(await validateSessionToken(services, first.token)).toBeNull()
    expect(await validateSessionToken(services, second.token)).toBeNull()
    expect(heard).toEqual([
      {
        userId: first.user.id,
        sessionIds: expect.arrayContaining(ended),
        reason: 'password_changed',
      },
    ])
    expect(await listUserSessions(services, first.user.id)).toEqual([])
  })
})

import { Hono } from 'hono'
import { notFound } from '../http/app-error'
import { clientAddress } from '../http/client-address'
import type { Services } from '../services'
import type { AppEnv, UserActor } from './actor'
import { ANY_ROLE, requireActor } from './guards'
import { auditSessionsEnded } from './session-audit'
import { deleteSessionCookie } from './session-cookie'
import {
  invalidateSession,
  invalidateUserSessions,
  listUserSessions,
  type Session,
} from './sessions'

/** A signed-in person's own sessions: list them, end one or the others. */
export function sessionRoutes(services: Services) {
  return new Hono<AppEnv>()
    .use('/api/sessions', requireActor({ roles: ANY_ROLE }))
    .use('/api/sessions/*', requireActor({ roles: ANY_ROLE }))
    .get('/api/sessions', async (c) => {
      const actor = userActor(c.get('actor'))
      const sessions = await listUserSessions(services, actor.userId)

      return c.json(
        { sessions: sessions.map((s) => describeSession(s, actor)) },
        200,
      )
    })
    .delete('/api/sessions', async (c) => {
      const actor = userActor(c.get('actor'))
      const ended = await invalidateUserSessions(
        services,
        actor.userId,
        'ended_by_user',
        actor.sessionId,
      )
      await auditSessionsEnded(services, {
        actor,
        userId: actor.userId,
        sessionIds: ended,
        reason: 'ended_by_user',
        ipAddress: clientAddress(c),
      })

      return c.json({ endedSessionIds: ended }, 200)
    })
    .delete('/api/sessions/:id', async (c) => {
      const actor = userActor(c.get('actor'))
      const id = c.req.param('id')
      const own = await listUserSessions(services, actor.userId)
      if (!own.some((s) => s.id === id)) throw notFound('The session')

      await invalidateSession(
        services,
        { id, userId: actor.userId },
        'ended_by_user',
      )
      await auditSessionsEnded(services, {
        actor,
        userId: actor.userId,
        sessionIds: [id],
        reason: 'ended_by_user',
        ipAddress: clientAddress(c),
      })
      if (id === actor.sessionId) deleteSessionCookie(c)

      return c.body(null, 204)
    })
}

/** What a session looks like to its owner or an admin. */
export function describeSession(session: Session, viewer?: UserActor) {
  return {
    id: session.id,
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    idleExpiresAt: session.idleExpiresAt,
    absoluteExpiresAt: session.absoluteExpiresAt,
    ipAddress: session.ipAddress,
    userAgent: session.userAgent,
    isCurrent: session.id === viewer?.sessionId,
  }
}

/** The actor of a route guarded for roles only, which is always a user. */
export function userActor(actor: AppEnv['Variables']['actor']): UserActor {
  if (actor?.kind !== 'user') {
    throw new Error('A route guarded for roles was reached without a user')
  }

  return actor
}

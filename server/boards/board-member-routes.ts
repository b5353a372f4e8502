import { and, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { boardMembers, users } from '../../db/schema'
import { recordAudit } from '../audit/audit-trail'
import type { AppEnv } from '../auth/actor'
import { ANY_ROLE, requireActor } from '../auth/guards'
import { notFound } from '../http/app-error'
import { clientAddress } from '../http/client-address'
import { uuidParam } from '../http/id-param'
import { readJson } from '../http/read-json'
import type { Services } from '../services'
import { liveBoardsFor } from '../sync/live-boards'
import { boardFor } from './board-guards'
import { listMembers } from './board-store'

const MEMBER_BODY = z.object({ access: z.enum(['editor', 'viewer']) }).strict()

/**
 * Board members and their access (editor or viewer). Every change is
 * audited and applied at once to the member's open connections: a
 * removed member's sockets close, a downgraded editor becomes read-only.
 */
export function boardMemberRoutes(services: Services) {
  const { db } = services.database
  const liveBoards = liveBoardsFor(services)

  return new Hono<AppEnv>()
    .get(
      '/api/boards/:id/members',
      requireActor({ roles: ANY_ROLE }),
      async (c) => {
        const { boardId } = await boardFor(c, services, 'viewer')

        return c.json({ members: await listMembers(db, boardId) }, 200)
      },
    )
    .put(
      '/api/boards/:id/members/:userId',
      requireActor({ roles: ANY_ROLE }),
      async (c) => {
        const { actor, boardId } = await boardFor(c, services, 'manager')
        const userId = uuidParam(c, 'userId', 'The user')
        const { access } = await readJson(c, MEMBER_BODY)
        const [user] = await db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.id, userId))
        if (!user) throw notFound('The user')

        await db
          .insert(boardMembers)
          .values({ boardId, userId, access, addedBy: actor.userId })
          .onConflictDoUpdate({
            target: [boardMembers.boardId, boardMembers.userId],
            set: { access },
          })
        await recordAudit(
          db,
          {
            action: 'board.member_set',
            actor,
            targetType: 'board',
            targetId: boardId,
            ipAddress: clientAddress(c),
            details: { userId, access },
          },
          services.now(),
        )
        await liveBoards.boardAccessChanged(boardId)

        return c.json({ member: { userId, access } }, 200)
      },
    )
    .delete(
      '/api/boards/:id/members/:userId',
      requireActor({ roles: ANY_ROLE }),
      async (c) => {
        const { actor, boardId } = await boardFor(c, services, 'manager')
        const userId = uuidParam(c, 'userId', 'The member')
        const removed = await db
          .delete(boardMembers)
          .where(
            and(
              eq(boardMembers.boardId, boardId),
              eq(boardMembers.userId, userId),
            ),
          )
          .returning({ userId: boardMembers.userId })
        if (removed.length === 0) throw notFound('The member')

        await recordAudit(
          db,
          {
            action: 'board.member_removed',
            actor,
            targetType: 'board',
            targetId: boardId,
            ipAddress: clientAddress(c),
            details: { userId },
          },
          services.now(),
        )
        await liveBoards.boardAccessChanged(boardId)

        return c.body(null, 204)
      },
    )
}

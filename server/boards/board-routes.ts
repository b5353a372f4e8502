import { Hono } from 'hono'
import { z } from 'zod'
import { recordAudit } from '../audit/audit-trail'
import type { AppEnv } from '../auth/actor'
import { ANY_ROLE, requireActor } from '../auth/guards'
import { userActor } from '../auth/session-routes'
import { notFound } from '../http/app-error'
import { clientAddress } from '../http/client-address'
import { parseInput, readJson } from '../http/read-json'
import type { Services } from '../services'
import { liveBoardsFor } from '../sync/live-boards'
import { accessFor, canManageBoard } from './board-access'
import { boardFor } from './board-guards'
import {
  findBoard,
  insertBoard,
  listBoardsFor,
  updateBoard,
} from './board-store'

const TITLE = z.string().trim().min(1).max(200)
const VISIBILITY = z.enum(['centre', 'partner', 'members'])
const CREATE_BODY = z.object({ title: TITLE, visibility: VISIBILITY }).strict()
const UPDATE_BODY = z
  .object({ title: TITLE, visibility: VISIBILITY })
  .partial()
  .strict()
const LIST_QUERY = z.object({
  archived: z.enum(['include', 'exclude']).default('exclude'),
})
const EDITING_ROLES = ['coordinator', 'analyst'] as const

/**
 * Board metadata: create, list, read, rename, change visibility, archive.
 * Content lives in the board's Yjs document (see `/sync/:boardId`).
 * Visibility and archive changes are permission changes: audited, and
 * applied at once to the live connections.
 */
export function boardRoutes(services: Services) {
  const { db } = services.database
  const liveBoards = liveBoardsFor(services)

  return new Hono<AppEnv>()
    .post('/api/boards', requireActor({ roles: EDITING_ROLES }), async (c) => {
      const actor = userActor(c.get('actor'))
      const body = await readJson(c, CREATE_BODY)
      const board = await insertBoard(db, {
        ...body,
        ownerPartnerId: actor.partnerId,
        createdBy: actor.userId,
      })
      await recordAudit(
        db,
        {
          action: 'board.created',
          actor,
          targetType: 'board',
          targetId: board.id,
          ipAddress: clientAddress(c),
          details: { visibility: board.visibility },
        },
        services.now(),
      )

      return c.json({ id: board.id, board }, 201)
    })
    .get('/api/boards', requireActor({ roles: ANY_ROLE }), async (c) => {
      const actor = userActor(c.get('actor'))
      const query = parseInput(LIST_QUERY, c.req.query())
      const rows = await listBoardsFor(db, actor, {
        includeArchived: query.archived === 'include',
      })
      const boards = rows.map(({ memberAccess, ...board }) => ({
        ...board,
        access: accessFor(board, actor, memberAccess),
        canManage: canManageBoard(board, actor),
      }))

      return c.json({ boards }, 200)
    })
    .get('/api/boards/:id', requireActor({ roles: ANY_ROLE }), async (c) => {
      const { actor, boardId, board, access } = await boardFor(
        c,
        services,
        'viewer',
      )
      const summary = await findBoard(db, boardId)
      if (!summary) throw notFound('The board')

      return c.json(
        {
          board: {
            ...summary,
            access,
            canManage: canManageBoard(board, actor),
          },
        },
        200,
      )
    })
    .patch('/api/boards/:id', requireActor({ roles: ANY_ROLE }), async (c) => {
      const { actor, boardId, board } = await boardFor(c, services, 'manager')
      const changes = await readJson(c, UPDATE_BODY)
      const updated = await updateBoard(db, boardId, changes)
      const isVisibilityChanged =
        changes.visibility !== undefined &&
        changes.visibility !== board.visibility
      await recordAudit(
        db,
        {
          action: isVisibilityChanged
            ? 'board.visibility_changed'
            : 'board.updated',
          actor,
          targetType: 'board',
          targetId: boardId,
          ipAddress: clientAddress(c),
          details: {
            fields: Object.keys(changes),
            ...(isVisibilityChanged
              ? { from: board.visibility, to: changes.visibility }
              : {}),
          },
        },
        services.now(),
      )
      if (isVisibilityChanged) await liveBoards.boardAccessChanged(boardId)

      return c.json({ board: updated }, 200)
    })
    .post(
      '/api/boards/:id/archive',
      requireActor({ roles: ANY_ROLE }),
      async (c) => {
        const { actor, boardId } = await boardFor(c, services, 'manager')
        const board = await updateBoard(db, boardId, {
          archivedAt: services.now(),
        })
        await recordAudit(
          db,
          {
            action: 'board.archived',
            actor,
            targetType: 'board',
            targetId: boardId,
            ipAddress: clientAddress(c),
          },
          services.now(),
        )
        await liveBoards.boardAccessChanged(boardId)

        return c.json({ board }, 200)
      },
    )
}

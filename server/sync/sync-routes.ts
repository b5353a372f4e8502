import { upgradeWebSocket } from '@hono/node-server'
import { Hono } from 'hono'
import type { WebSocket } from 'ws'
import { recordAudit } from '../audit/audit-trail'
import type { AppEnv } from '../auth/actor'
import { isSameOriginRequest } from '../auth/origin-check'
import { readSessionToken } from '../auth/session-cookie'
import { findBoardAccess, isBoardId } from '../boards/board-access'
import { AppError, forbidden, notFound } from '../http/app-error'
import { clientAddress } from '../http/client-address'
import type { Services } from '../services'
import type { Connection } from './connection'
import { liveBoardsFor } from './live-boards'

/**
 * `GET /sync/:boardId`, upgraded to a WebSocket that speaks y-websocket.
 * Everything is checked before the upgrade and before the board is loaded:
 * the Origin (403), the session (401), the board (404) and the person's
 * access to it (403).
 */
export function syncRoutes(services: Services) {
  const liveBoards = liveBoardsFor(services)

  return new Hono<AppEnv>().get('/sync/:boardId', async (c) => {
    if (!isSameOriginRequest(c.req.raw.headers, services.config)) {
      throw new AppError(
        403,
        'cross_origin_refused',
        'This connection did not come from this site',
      )
    }
    const actor = c.get('actor')
    const sessionToken = readSessionToken(c)
    if (actor?.kind !== 'user' || !sessionToken) {
      throw new AppError(401, 'unauthenticated', 'Sign in to continue')
    }
    const boardId = c.req.param('boardId')
    const found = isBoardId(boardId)
      ? await findBoardAccess(services.database.db, boardId, actor)
      : null
    if (!found) throw notFound('The board')
    const { access } = found
    if (!access) throw forbidden('This board is not open to you')
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new AppError(426, 'upgrade_required', 'Connect with a WebSocket')
    }

    await recordAudit(
      services.database.db,
      {
        action: 'board.opened',
        actor,
        targetType: 'board',
        targetId: boardId,
        ipAddress: clientAddress(c),
        details: { access },
      },
      services.now(),
    )

    let connection: Connection | null = null
    return upgradeWebSocket(c, {
      onOpen(_event, ws) {
        connection = liveBoards.openConnection(ws.raw as WebSocket, {
          boardId,
          access,
          owner: {
            userId: actor.userId,
            partnerId: actor.partnerId,
            sessionId: actor.sessionId,
            sessionToken,
          },
        })
      },
      onMessage(event) {
        const { data } = event
        connection?.receive(
          typeof data === 'string' ? data : new Uint8Array(data as ArrayBuffer),
        )
      },
      onClose() {
        connection?.socketClosed()
      },
    })
  })
}

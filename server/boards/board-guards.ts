import type { Context } from 'hono'
import type { AppEnv, UserActor } from '../auth/actor'
import { userActor } from '../auth/session-routes'
import { forbidden, notFound } from '../http/app-error'
import { uuidParam } from '../http/id-param'
import type { Services } from '../services'
import {
  type BoardAccess,
  type BoardForAccess,
  canManageBoard,
  findBoardAccess,
} from './board-access'

export interface BoardContext {
  actor: UserActor
  boardId: string
  board: BoardForAccess
  access: BoardAccess
}

/**
 * The board named by `:id` and the caller's access to it: 404 when there
 * is no such board, 403 when it is closed to the caller or the caller
 * needs more than it has (`editor` to change content, `manager` to change
 * the board itself).
 */
export async function boardFor(
  c: Context<AppEnv>,
  services: Services,
  needs: 'viewer' | 'editor' | 'manager',
): Promise<BoardContext> {
  const actor = userActor(c.get('actor'))
  const boardId = uuidParam(c, 'id', 'The board')
  const found = await findBoardAccess(services.database.db, boardId, actor)
  if (!found) throw notFound('The board')
  const { board, access } = found
  if (!access) throw forbidden('This board is not open to you')

  if (needs === 'editor' && access !== 'editor') {
    throw forbidden('You may only view this board')
  }
  if (needs === 'manager' && !canManageBoard(board, actor)) {
    throw forbidden(
      "Only the board's creator or a coordinator of its partner may do this",
    )
  }

  return { actor, boardId, board, access }
}

import { and, eq } from 'drizzle-orm'
import type { Database } from '../../db/open-database'
import { boardMembers, boards } from '../../db/schema'
import type { Role } from '../auth/actor'

export type BoardAccess = 'editor' | 'viewer'
export type BoardVisibility = 'centre' | 'partner' | 'members'

/** The person whose access is asked about. */
export interface BoardSubject {
  userId: string
  partnerId: string
  role: Role
}

export interface BoardForAccess {
  ownerPartnerId: string
  visibility: BoardVisibility
  createdBy: string | null
  archivedAt: Date | null
}

/** Roles whose work includes editing the boards open to them. */
const EDITING_ROLES: readonly Role[] = ['coordinator', 'analyst']

/**
 * What a person may do on a board:
 * - a listed member has the member's access, except that a reviewer only
 *   ever reads (reviewing is their role);
 * - `centre` boards are open to every user: coordinators and analysts
 *   edit, others view;
 * - `partner` boards are open the same way to users of the owner partner;
 * - `members` boards are open to listed members only;
 * - an archived board is read-only for everyone who could open it.
 */
export function accessFor(
  board: BoardForAccess,
  subject: BoardSubject,
  memberAccess: BoardAccess | null,
): BoardAccess | null {
  const byRole: BoardAccess = EDITING_ROLES.includes(subject.role)
    ? 'editor'
    : 'viewer'
  const byVisibility = visibilityAccess(board, subject, byRole)
  const byMembership =
    memberAccess === 'editor' && subject.role === 'reviewer'
      ? 'viewer'
      : memberAccess
  const access = strongest(byVisibility, byMembership)
  if (access && board.archivedAt) return 'viewer'

  return access
}

function visibilityAccess(
  board: BoardForAccess,
  subject: BoardSubject,
  byRole: BoardAccess,
): BoardAccess | null {
  switch (board.visibility) {
    case 'centre':
      return byRole
    case 'partner':
      return subject.partnerId === board.ownerPartnerId ? byRole : null
    case 'members':
      return null
  }
}

function strongest(
  a: BoardAccess | null,
  b: BoardAccess | null,
): BoardAccess | null {
  if (a === 'editor' || b === 'editor') return 'editor'
  if (a === 'viewer' || b === 'viewer') return 'viewer'

  return null
}

/**
 * Whether a person may change a board's title, visibility, members and
 * archive state: its creator, or a coordinator of its owner partner.
 */
export function canManageBoard(
  board: BoardForAccess,
  subject: BoardSubject,
): boolean {
  if (board.createdBy === subject.userId) return true

  return (
    subject.role === 'coordinator' && subject.partnerId === board.ownerPartnerId
  )
}

/**
 * Reads a board and the subject's membership in one query. `null` when
 * the board does not exist; `access: null` when it exists but is closed
 * to the subject.
 */
export async function findBoardAccess(
  db: Database,
  boardId: string,
  subject: BoardSubject,
): Promise<{ board: BoardForAccess; access: BoardAccess | null } | null> {
  const [row] = await db
    .select({
      ownerPartnerId: boards.ownerPartnerId,
      visibility: boards.visibility,
      createdBy: boards.createdBy,
      archivedAt: boards.archivedAt,
      memberAccess: boardMembers.access,
    })
    .from(boards)
    .leftJoin(
      boardMembers,
      and(
        eq(boardMembers.boardId, boards.id),
        eq(boardMembers.userId, subject.userId),
      ),
    )
    .where(eq(boards.id, boardId))
  if (!row) return null

  const { memberAccess, ...board } = row

  return { board, access: accessFor(board, subject, memberAccess) }
}

const UUID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Board ids are UUIDs; anything else cannot name a board. */
export function isBoardId(value: string): boolean {
  return UUID_PATTERN.test(value)
}

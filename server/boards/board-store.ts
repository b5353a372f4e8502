import { and, desc, eq, isNull, or, sql } from 'drizzle-orm'
import type { Database } from '../../db/open-database'
import { boardMembers, boards, boardVersions, users } from '../../db/schema'
import { createBoardLog } from '../sync/board-log-store'
import type { BoardAccess, BoardSubject, BoardVisibility } from './board-access'

export interface NewBoard {
  title: string
  visibility: BoardVisibility
  ownerPartnerId: string
  createdBy: string
}

export interface BoardSummary {
  id: string
  title: string
  visibility: BoardVisibility
  ownerPartnerId: string
  createdBy: string | null
  createdAt: Date
  updatedAt: Date
  archivedAt: Date | null
}

const SUMMARY = {
  id: boards.id,
  title: boards.title,
  visibility: boards.visibility,
  ownerPartnerId: boards.ownerPartnerId,
  createdBy: boards.createdBy,
  createdAt: boards.createdAt,
  updatedAt: boards.updatedAt,
  archivedAt: boards.archivedAt,
}

/**
 * Creates a board, its creator as an editor member and its empty log, in
 * one transaction.
 */
export async function insertBoard(
  db: Database,
  input: NewBoard,
): Promise<BoardSummary> {
  return db.transaction(async (tx) => {
    const [board] = await tx.insert(boards).values(input).returning(SUMMARY)
    if (!board) throw new Error('the board was not inserted')

    await tx.insert(boardMembers).values({
      boardId: board.id,
      userId: input.createdBy,
      access: 'editor',
      addedBy: input.createdBy,
    })
    await createBoardLog(tx, board.id)

    return board
  })
}

export async function findBoard(
  db: Database,
  boardId: string,
): Promise<BoardSummary | null> {
  const [board] = await db
    .select(SUMMARY)
    .from(boards)
    .where(eq(boards.id, boardId))

  return board ?? null
}

/**
 * The boards a person may open, newest first: centre boards, their
 * partner's boards and boards they are a member of. Archived boards only
 * when asked for.
 */
export async function listBoardsFor(
  db: Database,
  subject: BoardSubject,
  options: { includeArchived: boolean },
): Promise<(BoardSummary & { memberAccess: BoardAccess | null })[]> {
  return db
    .select({ ...SUMMARY, memberAccess: boardMembers.access })
    .from(boards)
    .leftJoin(
      boardMembers,
      and(
        eq(boardMembers.boardId, boards.id),
        eq(boardMembers.userId, subject.userId),
      ),
    )
    .where(
      and(
        or(
          eq(boards.visibility, 'centre'),
          and(
            eq(boards.visibility, 'partner'),
            eq(boards.ownerPartnerId, subject.partnerId),
          ),
          sql`${boardMembers.userId} is not null`,
        ),
        options.includeArchived ? undefined : isNull(boards.archivedAt),
      ),
    )
    .orderBy(desc(boards.createdAt))
}

export async function updateBoard(
  db: Database,
  boardId: string,
  changes: {
    title?: string
    visibility?: BoardVisibility
    archivedAt?: Date | null
  },
): Promise<BoardSummary | null> {
  const [board] = await db
    .update(boards)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(boards.id, boardId))
    .returning(SUMMARY)

  return board ?? null
}

export async function listMembers(db: Database, boardId: string) {
  return db
    .select({
      userId: boardMembers.userId,
      displayName: users.displayName,
      partnerId: users.partnerId,
      access: boardMembers.access,
      addedAt: boardMembers.addedAt,
    })
    .from(boardMembers)
    .innerJoin(users, eq(users.id, boardMembers.userId))
    .where(eq(boardMembers.boardId, boardId))
    .orderBy(users.displayName)
}

export async function listVersions(db: Database, boardId: string) {
  return db
    .select({
      id: boardVersions.id,
      name: boardVersions.name,
      createdBy: boardVersions.createdBy,
      createdAt: boardVersions.createdAt,
    })
    .from(boardVersions)
    .where(eq(boardVersions.boardId, boardId))
    .orderBy(desc(boardVersions.createdAt))
}

import { validateSessionToken } from '../auth/sessions'
import { type BoardSubject, findBoardAccess } from '../boards/board-access'
import type { Services } from '../services'
import type { Connection } from './connection'

/**
 * Keeps open connections within what their owners may still do. Ended
 * sessions in this process close their sockets at once; everything else
 * (another process's logout, a disabled user, a changed role, a revoked
 * membership) is found by re-validating the session and re-reading board
 * access, on demand and every `sessionRecheckMs`.
 */
export class AccessMonitor {
  readonly #services: Services
  readonly #connections: Set<Connection>
  #isFullRecheckRunning = false

  constructor(services: Services, connections: Set<Connection>) {
    this.#services = services
    this.#connections = connections
  }

  closeSessions(sessionIds: readonly string[]): void {
    const ended = new Set(sessionIds)
    for (const connection of this.#connections) {
      if (ended.has(connection.owner.sessionId)) {
        connection.close('sessionEnded')
      }
    }
  }

  async recheckAll(): Promise<void> {
    if (this.#isFullRecheckRunning) return

    this.#isFullRecheckRunning = true
    try {
      await this.#recheck(() => true)
    } finally {
      this.#isFullRecheckRunning = false
    }
  }

  recheckBoard(boardId: string): Promise<void> {
    return this.#recheck((connection) => connection.boardId === boardId)
  }

  recheckUser(userId: string): Promise<void> {
    return this.#recheck((connection) => connection.owner.userId === userId)
  }

  async #recheck(isAffected: (connection: Connection) => boolean) {
    try {
      const affected = [...this.#connections].filter(
        (connection) => !connection.isClosed && isAffected(connection),
      )
      const subjects = await this.#validateSessions(affected)
      await this.#recheckAccess(affected, subjects)
    } catch (error) {
      this.#services.log.warn({ err: error }, 'sync access re-check failed')
    }
  }

  /** Closes connections whose session ended; returns who the rest are. */
  async #validateSessions(
    connections: Connection[],
  ): Promise<Map<string, BoardSubject>> {
    const bySession = groupBy(connections, (c) => c.owner.sessionId)
    const subjects = new Map<string, BoardSubject>()
    for (const [sessionId, group] of bySession) {
      const token = group[0]!.owner.sessionToken
      const validated = await validateSessionToken(this.#services, token)
      if (!validated) {
        for (const connection of group) connection.close('sessionEnded')
        continue
      }
      const { user } = validated
      subjects.set(sessionId, {
        userId: user.id,
        partnerId: user.partnerId,
        role: user.role,
      })
    }

    return subjects
  }

  async #recheckAccess(
    connections: Connection[],
    subjects: Map<string, BoardSubject>,
  ): Promise<void> {
    const { db } = this.#services.database
    const byBoardAndSession = groupBy(
      connections.filter((c) => !c.isClosed),
      (c) => `${c.boardId} ${c.owner.sessionId}`,
    )
    for (const group of byBoardAndSession.values()) {
      const first = group[0]!
      const subject = subjects.get(first.owner.sessionId)
      if (!subject) continue

      const found = await findBoardAccess(db, first.boardId, subject)
      for (const connection of group) {
        if (!found) connection.close('boardNotFound')
        else if (!found.access) connection.close('accessRevoked')
        else connection.setAccess(found.access)
      }
    }
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string) {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const group = groups.get(key)
    if (group) group.push(item)
    else groups.set(key, [item])
  }

  return groups
}

/** Sessions that just ended, all of one user. */
export interface SessionsEnded {
  userId: string
  sessionIds: readonly string[]
  reason: SessionEndReason
}

export type SessionEndReason =
  | 'logout'
  | 'ended_by_user'
  | 'ended_by_admin'
  | 'password_changed'
  | 'role_changed'
  | 'account_disabled'
  | 'partner_disabled'
  | 'expired'

export type SessionsEndedListener = (event: SessionsEnded) => void

/**
 * In-process notice that sessions ended, so that live WebSocket connections
 * opened with them can be closed at once. One instance per `Services`, so
 * that two apps in one test process do not hear each other.
 *
 * It only reaches this process: a socket held by another server node learns
 * that its session ended when it next validates the session token.
 */
export class SessionEvents {
  readonly #listeners = new Set<SessionsEndedListener>()

  /**
   * Subscribes; the returned function unsubscribes. Listeners run inside
   * the request that ended the sessions, after the database change: they
   * must not throw, and should only start work (e.g. close sockets).
   */
  onSessionsEnded(listener: SessionsEndedListener): () => void {
    this.#listeners.add(listener)

    return () => {
      this.#listeners.delete(listener)
    }
  }

  emitSessionsEnded(event: SessionsEnded): void {
    if (event.sessionIds.length === 0) return

    for (const listener of this.#listeners) listener(event)
  }
}

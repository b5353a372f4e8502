import { randomUUID } from 'node:crypto'
import type postgres from 'postgres'
import type { Logger } from '../logger'
import { SYNC_CHANNEL } from './board-log-store'

/** What one server process tells the others about live boards. */
export type BusMessage =
  | { kind: 'update'; node: string; boardId: string; seq: number }
  | { kind: 'awareness'; node: string; boardId: string; update: string }
  | { kind: 'access'; node: string; boardId: string }
  | { kind: 'sessions-ended'; node: string; userId: string }

export interface BusHandlers {
  onUpdate(boardId: string, seq: number): void
  onAwareness(boardId: string, update: Uint8Array): void
  onAccessChanged(boardId: string): void
  onSessionsEnded(userId: string): void
  /** The listening connection was (re)established: catch up on all. */
  onListening(): void
}

/**
 * Connects the server processes that share one PostgreSQL database, over
 * LISTEN/NOTIFY on one channel. Update notices are sent by the appending
 * statement itself (on commit); the rest go through `NOTIFY` here. With
 * embedded PGlite there is one process and the bus carries nothing.
 */
export interface SyncBus {
  /** This process's name in notices; `null` when there is no bus. */
  readonly nodeId: string | null
  start(handlers: BusHandlers): Promise<void>
  publishAwareness(boardId: string, update: Uint8Array): void
  publishAccessChanged(boardId: string): void
  publishSessionsEnded(userId: string): void
  close(): Promise<void>
}

/** PostgreSQL caps a NOTIFY payload just under 8000 bytes. */
const MAX_PAYLOAD_BYTES = 7_900

export function createSyncBus(sql: postgres.Sql | null, log: Logger): SyncBus {
  return sql ? createPostgresBus(sql, log) : createLocalBus()
}

function createLocalBus(): SyncBus {
  return {
    nodeId: null,
    start: async () => {},
    publishAwareness: () => {},
    publishAccessChanged: () => {},
    publishSessionsEnded: () => {},
    close: async () => {},
  }
}

function createPostgresBus(sql: postgres.Sql, log: Logger): SyncBus {
  const nodeId = randomUUID()
  let unlisten: (() => Promise<void>) | null = null

  const publish = (message: BusMessage) => {
    const payload = JSON.stringify(message)
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      log.debug({ kind: message.kind }, 'bus message too large, not sent')
      return
    }
    sql.notify(SYNC_CHANNEL, payload).catch((error: unknown) => {
      log.warn({ err: error, kind: message.kind }, 'bus message not sent')
    })
  }

  return {
    nodeId,
    async start(handlers) {
      const listening = await sql.listen(
        SYNC_CHANNEL,
        (payload) => deliver(payload, nodeId, handlers, log),
        () => handlers.onListening(),
      )
      unlisten = listening.unlisten
    },
    publishAwareness: (boardId, update) =>
      publish({
        kind: 'awareness',
        node: nodeId,
        boardId,
        update: Buffer.from(update).toString('base64'),
      }),
    publishAccessChanged: (boardId) =>
      publish({ kind: 'access', node: nodeId, boardId }),
    publishSessionsEnded: (userId) =>
      publish({ kind: 'sessions-ended', node: nodeId, userId }),
    async close() {
      await unlisten?.()
      unlisten = null
    },
  }
}

function deliver(
  payload: string,
  nodeId: string,
  handlers: BusHandlers,
  log: Logger,
): void {
  let message: BusMessage
  try {
    message = JSON.parse(payload) as BusMessage
  } catch (error) {
    log.warn({ err: error }, 'bus message unreadable')
    return
  }
  if (message.node === nodeId) return

  switch (message.kind) {
    case 'update':
      handlers.onUpdate(message.boardId, Number(message.seq))
      return
    case 'awareness':
      handlers.onAwareness(
        message.boardId,
        new Uint8Array(Buffer.from(message.update, 'base64')),
      )
      return
    case 'access':
      handlers.onAccessChanged(message.boardId)
      return
    case 'sessions-ended':
      handlers.onSessionsEnded(message.userId)
      return
  }
}

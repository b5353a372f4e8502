import type { WebSocket } from 'ws'
import type { BoardAccess } from '../boards/board-access'
import type { Services } from '../services'
import { AccessMonitor } from './access-monitor'
import { Connection, type ConnectionOwner } from './connection'
import type { Room } from './room'
import { RoomRegistry } from './room-registry'
import { createSyncBus, type SyncBus } from './sync-bus'

/**
 * Live sync for one app: the rooms, the connections, the bus to the other
 * processes and the timers that keep connections honest (liveness, session
 * and access re-checks). Started on the first connection, so that an app
 * that never serves a board holds no timer and no LISTEN connection.
 */
export class LiveBoards {
  readonly connections = new Set<Connection>()
  readonly rooms: RoomRegistry
  readonly #services: Services
  readonly #bus: SyncBus
  readonly #monitor: AccessMonitor
  #started: Promise<void> | null = null
  #timers: NodeJS.Timeout[] = []
  #stopListeningForSessions: (() => void) | null = null

  constructor(services: Services) {
    this.#services = services
    this.#bus = createSyncBus(services.database.postgres, services.log)
    this.rooms = new RoomRegistry({
      database: services.database,
      limits: services.config.sync,
      log: services.log,
      bus: this.#bus,
      onBoardGone: (boardId) => this.#closeBoard(boardId, 'boardNotFound'),
    })
    this.#monitor = new AccessMonitor(services, this.connections)
  }

  /** Takes over an upgraded socket whose owner may open the board. */
  openConnection(
    socket: WebSocket,
    input: { boardId: string; owner: ConnectionOwner; access: BoardAccess },
  ): Connection {
    const { boardId } = input
    let isHoldingRoom = false
    const connection = new Connection({
      socket,
      ...input,
      limits: this.#services.config.sync,
      log: this.#services.log,
      onClosed: (closed) => {
        this.connections.delete(closed)
        if (isHoldingRoom) this.rooms.release(boardId)
      },
    })
    this.connections.add(connection)
    void this.#start()

    this.rooms.acquire(boardId).then(
      (room) => {
        isHoldingRoom = true
        if (connection.isClosed) this.rooms.release(boardId)
        else connection.open(room)
      },
      (error: unknown) => {
        this.#services.log.error({ boardId, err: error }, 'board load failed')
        connection.close('boardUnavailable')
      },
    )

    return connection
  }

  /**
   * Runs `work` on a board's live room (loading it for the while if no
   * one has it open), so that a change made by the server reaches every
   * client and is saved like theirs. Resolves once the change is durable.
   */
  async withRoom<T>(boardId: string, work: (room: Room) => T): Promise<T> {
    const room = await this.rooms.acquire(boardId)
    try {
      await room.catchUp()
      const result = work(room)
      await room.flush()
      return result
    } finally {
      this.rooms.release(boardId)
    }
  }

  /** Writes a board's pending updates, if this process holds it. */
  async flushBoard(boardId: string): Promise<void> {
    await this.rooms.find(boardId)?.flush()
  }

  /**
   * Members, visibility or archive state of a board changed: re-check the
   * connections on it here and, through the bus, in the other processes.
   */
  async boardAccessChanged(boardId: string): Promise<void> {
    this.#bus.publishAccessChanged(boardId)
    await this.#monitor.recheckBoard(boardId)
  }

  /** Flushes every room and stops the timers; for a graceful stop. */
  async close(): Promise<void> {
    for (const timer of this.#timers) clearInterval(timer)
    this.#timers = []
    this.#stopListeningForSessions?.()
    await this.rooms.flushAll()
    await this.#bus.close()
  }

  #start(): Promise<void> {
    this.#started ??= this.#startOnce().catch((error: unknown) => {
      this.#services.log.error({ err: error }, 'sync bus failed to start')
    })

    return this.#started
  }

  async #startOnce(): Promise<void> {
    const { config, sessionEvents } = this.#services
    const every = (ms: number, work: () => void) => {
      const timer = setInterval(work, ms)
      timer.unref()
      this.#timers.push(timer)
    }
    every(config.sync.pingIntervalMs, () => {
      for (const connection of this.connections) connection.checkLiveness()
    })
    every(config.sync.sessionRecheckMs, () => {
      void this.#monitor.recheckAll()
    })
    this.#stopListeningForSessions = sessionEvents.onSessionsEnded((event) => {
      this.#monitor.closeSessions(event.sessionIds)
      this.#bus.publishSessionsEnded(event.userId)
    })

    await this.#bus.start({
      onUpdate: (boardId, seq) => this.rooms.announce(boardId, seq),
      onAwareness: (boardId, update) =>
        this.rooms.find(boardId)?.applyRemoteAwareness(update),
      onAccessChanged: (boardId) => void this.#monitor.recheckBoard(boardId),
      onSessionsEnded: (userId) => void this.#monitor.recheckUser(userId),
      onListening: () => this.rooms.catchUpAll(),
    })
  }

  #closeBoard(boardId: string, reason: 'boardNotFound'): void {
    for (const connection of this.connections) {
      if (connection.boardId === boardId) connection.close(reason)
    }
  }
}

const liveBoardsByServices = new WeakMap<Services, LiveBoards>()

/** The live boards of an app, one per `Services`. */
export function liveBoardsFor(services: Services): LiveBoards {
  let liveBoards = liveBoardsByServices.get(services)
  if (!liveBoards) {
    liveBoards = new LiveBoards(services)
    liveBoardsByServices.set(services, liveBoards)
  }

  return liveBoards
}

/**
 * Flushes every live board of an app to the database. Call it after the
 * HTTP server stopped and before the database closes.
 */
export async function closeLiveBoards(services: Services): Promise<void> {
  await liveBoardsByServices.get(services)?.close()
}

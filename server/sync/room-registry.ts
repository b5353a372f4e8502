import { EventEmitter } from 'node:events'
import type { DatabaseHandle } from '../../db/open-database'
import type { SyncLimits } from '../config/config'
import type { Logger } from '../logger'
import {
  appendBoardUpdate,
  compactBoardLog,
  readBoardLog,
} from './board-log-store'
import { Room } from './room'
import type { SyncBus } from './sync-bus'

type RoomEntry =
  | {
      state: 'loading'
      holds: number
      ready: Promise<Room>
      /** Highest seq announced by other processes while loading. */
      announcedSeq: number
    }
  | { state: 'live'; holds: number; ready: Promise<Room>; room: Room }
  | { state: 'unloading'; unloaded: Promise<void>; room: Room }

export interface RoomRegistryOptions {
  database: DatabaseHandle
  limits: SyncLimits
  log: Logger
  bus: SyncBus
  /** Every peer of the board must go: its row was deleted. */
  onBoardGone(boardId: string): void
}

/**
 * The rooms this process holds, loaded on first use and unloaded (after a
 * flush) when the last holder lets go. Loads of one board are shared, and
 * a board being unloaded is loaded again only once its flush finished, so
 * that the new room starts from everything that was written.
 */
export class RoomRegistry {
  /** Emits `'unloaded'` with the board id once a room is gone. */
  readonly events = new EventEmitter<{ unloaded: [boardId: string] }>()
  readonly #rooms = new Map<string, RoomEntry>()
  readonly #options: RoomRegistryOptions

  constructor(options: RoomRegistryOptions) {
    this.#options = options
  }

  get loadedRoomCount(): number {
    return this.#rooms.size
  }

  /** The live room of a board, if this process holds one. */
  find(boardId: string): Room | null {
    const entry = this.#rooms.get(boardId)

    return entry?.state === 'live' ? entry.room : null
  }

  /** Loads (or shares) a board's room; pair with `release`. */
  async acquire(boardId: string): Promise<Room> {
    let entry = this.#rooms.get(boardId)
    while (entry?.state === 'unloading') {
      await entry.unloaded
      entry = this.#rooms.get(boardId)
    }
    const held = entry ?? this.#startLoading(boardId)
    held.holds++

    return held.ready
  }

  release(boardId: string): void {
    const entry = this.#rooms.get(boardId)
    if (!entry || entry.state === 'unloading') return

    entry.holds--
    if (entry.holds > 0 || entry.state !== 'live') return

    const { room } = entry
    const unloaded = this.#unload(room).finally(() => {
      this.#rooms.delete(boardId)
      this.events.emit('unloaded', boardId)
    })
    this.#rooms.set(boardId, { state: 'unloading', unloaded, room })
  }

  /** Resolves when the room of `boardId` has been unloaded. */
  whenUnloaded(boardId: string): Promise<void> {
    return new Promise((resolve) => {
      const onUnloaded = (unloadedId: string) => {
        if (unloadedId !== boardId) return
        this.events.off('unloaded', onUnloaded)
        resolve()
      }
      this.events.on('unloaded', onUnloaded)
    })
  }

  /** Another process committed `seq` on a board. */
  announce(boardId: string, seq: number): void {
    const entry = this.#rooms.get(boardId)
    if (entry?.state === 'loading') {
      entry.announcedSeq = Math.max(entry.announcedSeq, seq)
    } else if (entry?.state === 'live') {
      void this.#catchUp(entry.room, seq)
    }
  }

  /** Every live room reads what it may have missed. */
  catchUpAll(): void {
    for (const entry of this.#rooms.values()) {
      if (entry.state === 'live') void this.#catchUp(entry.room)
    }
  }

  /** Writes every room's pending updates; for a graceful stop. */
  async flushAll(): Promise<void> {
    const pending: Promise<void>[] = []
    for (const entry of this.#rooms.values()) {
      if (entry.state === 'live') {
        pending.push(entry.room.flushForShutdown())
      } else if (entry.state === 'unloading') {
        pending.push(entry.room.flushForShutdown(), entry.unloaded)
      }
    }
    await Promise.all(pending)
  }

  #startLoading(boardId: string): RoomEntry & { state: 'loading' } {
    const entry: RoomEntry & { state: 'loading' } = {
      state: 'loading',
      holds: 0,
      ready: Promise.resolve(null as unknown as Room),
      announcedSeq: 0,
    }
    entry.ready = this.#load(boardId).then(
      (room) => {
        this.#rooms.set(boardId, {
          state: 'live',
          holds: entry.holds,
          ready: entry.ready,
          room,
        })
        if (entry.announcedSeq > room.knownSeq) {
          void this.#catchUp(room, entry.announcedSeq)
        }
        if (entry.holds === 0) this.release(boardId)
        return room
      },
      (error: unknown) => {
        this.#rooms.delete(boardId)
        throw error
      },
    )
    this.#rooms.set(boardId, entry)

    return entry
  }

  async #load(boardId: string): Promise<Room> {
    const { database, limits, log, bus } = this.#options
    const { db } = database
    const startedAt = performance.now()
    const loaded = await readBoardLog(db, boardId)
    const room = new Room({
      boardId,
      loaded,
      limits,
      log,
      append: (update) =>
        appendBoardUpdate(db, boardId, update, { notifyAs: bus.nodeId }),
      compact: () => compactBoardLog(db, boardId),
      readLogAfter: (afterSeq) => readBoardLog(db, boardId, afterSeq),
      publishAwareness: (update) => bus.publishAwareness(boardId, update),
      onBoardGone: () => this.#options.onBoardGone(boardId),
    })
    log.debug(
      { boardId, ms: Math.round(performance.now() - startedAt) },
      'board loaded',
    )

    return room
  }

  async #unload(room: Room): Promise<void> {
    try {
      await room.unload()
      this.#options.log.debug({ boardId: room.boardId }, 'board unloaded')
    } catch (error) {
      this.#options.log.error(
        { boardId: room.boardId, err: error },
        'board unload failed',
      )
    }
  }

  async #catchUp(room: Room, seq?: number): Promise<void> {
    try {
      await room.catchUp(seq)
    } catch (error) {
      this.#options.log.warn(
        { boardId: room.boardId, err: error },
        'board catch-up failed',
      )
    }
  }
}

import type { WebSocket } from 'ws'
import type { BoardAccess } from '../boards/board-access'
import type { SyncLimits } from '../config/config'
import type { Logger } from '../logger'
import { CLOSE_CODES, type CloseReason } from './close-codes'
import { decodeIncoming, MalformedMessageError } from './protocol'
import type { Room, RoomPeer } from './room'

/** Who opened a connection, kept to re-check session and access. */
export interface ConnectionOwner {
  userId: string
  partnerId: string
  sessionId: string
  /** The session token, only to re-validate it; never logged. */
  sessionToken: string
}

/**
 * Where a connection is in its life. Frames that arrive while the room
 * loads are queued (bounded) and replayed once it is open.
 */
export type ConnectionState =
  | { kind: 'loading'; queued: Uint8Array[]; queuedBytes: number }
  | { kind: 'open'; room: Room }
  | { kind: 'closed' }

/** Grace given to a closing socket before it is destroyed. */
const CLOSE_GRACE_MS = 2_000

/**
 * One WebSocket on one board: frames in, frames out, with the limits of
 * the configuration. Everything about the document is the room's job.
 */
export class Connection implements RoomPeer {
  readonly boardId: string
  readonly owner: ConnectionOwner
  readonly awarenessClientIds = new Set<number>()
  wantsSavedNotices = false
  isAlive = true
  #access: BoardAccess
  #state: ConnectionState = { kind: 'loading', queued: [], queuedBytes: 0 }
  readonly #socket: WebSocket
  readonly #limits: SyncLimits
  readonly #log: Logger
  readonly #onClosed: (connection: Connection) => void

  constructor(options: {
    socket: WebSocket
    boardId: string
    owner: ConnectionOwner
    access: BoardAccess
    limits: SyncLimits
    log: Logger
    onClosed: (connection: Connection) => void
  }) {
    this.#socket = options.socket
    this.boardId = options.boardId
    this.owner = options.owner
    this.#access = options.access
    this.#limits = options.limits
    this.#log = options.log
    this.#onClosed = options.onClosed
    this.#socket.on('pong', () => {
      this.isAlive = true
    })
  }

  get isReadOnly(): boolean {
    return this.#access === 'viewer'
  }

  get isClosed(): boolean {
    return this.#state.kind === 'closed'
  }

  get state(): ConnectionState['kind'] {
    return this.#state.kind
  }

  /** The room is ready: join it and replay what arrived meanwhile. */
  open(room: Room): void {
    const state = this.#state
    switch (state.kind) {
      case 'loading':
        this.#state = { kind: 'open', room }
        room.join(this)
        for (const frame of state.queued) this.receive(frame)
        return
      case 'open':
      case 'closed':
        return
    }
  }

  receive(frame: Uint8Array | string): void {
    if (typeof frame === 'string') {
      this.close('malformedMessage')
      return
    }

    const state = this.#state
    switch (state.kind) {
      case 'loading':
        state.queued.push(frame)
        state.queuedBytes += frame.byteLength
        if (state.queuedBytes > this.#limits.sendBufferBytes) {
          this.close('slowReader')
        }
        return
      case 'open':
        this.#dispatch(state.room, frame)
        return
      case 'closed':
        return
    }
  }

  setAccess(access: BoardAccess): void {
    if (access === this.#access) return

    this.#access = access
    if (this.#state.kind === 'open') this.#state.room.accessChanged(this)
  }

  send(frame: Uint8Array): void {
    if (this.#state.kind === 'closed') return
    if (this.#socket.readyState !== this.#socket.OPEN) return

    // The queue may pass the limit by one frame, so that a frame larger
    // than the limit (a big first sync) still reaches a reader that keeps up.
    if (this.#socket.bufferedAmount > this.#limits.sendBufferBytes) {
      this.close('slowReader')
      return
    }
    this.#socket.send(frame)
  }

  /** Sends a ping; a connection that missed the last pong is dropped. */
  checkLiveness(): void {
    if (this.#state.kind === 'closed') return
    if (!this.isAlive) {
      this.#log.info({ boardId: this.boardId }, 'sync connection timed out')
      this.#socket.terminate()
      this.socketClosed()
      return
    }
    this.isAlive = false
    this.#socket.ping()
  }

  close(reason: CloseReason): void {
    if (this.#state.kind === 'closed') return

    this.#log.info(
      { boardId: this.boardId, userId: this.owner.userId, reason },
      'sync connection closed by server',
    )
    const code = CLOSE_CODES[reason]
    if (reason === 'slowReader') {
      // Its buffer is full, so a close frame would queue behind it.
      this.#socket.terminate()
    } else {
      this.#socket.close(code, reason)
      const socket = this.#socket
      setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref()
    }
    this.socketClosed()
  }

  /** The socket is gone (either side): leave the room once. */
  socketClosed(): void {
    const state = this.#state
    if (state.kind === 'closed') return

    this.#state = { kind: 'closed' }
    if (state.kind === 'open') state.room.leave(this)
    this.#onClosed(this)
  }

  #dispatch(room: Room, frame: Uint8Array): void {
    try {
      room.receive(this, decodeIncoming(frame))
    } catch (error) {
      if (!(error instanceof MalformedMessageError)) {
        this.#log.warn(
          { boardId: this.boardId, err: error },
          'sync message could not be applied',
        )
      }
      this.close('malformedMessage')
    }
  }
}

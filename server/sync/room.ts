import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { SyncLimits } from '../config/config'
import type { Logger } from '../logger'
import { admitAwareness } from './awareness-gate'
import type { LogRead } from './board-log-store'
import type { CloseReason } from './close-codes'
import {
  type AwarenessEntry,
  encodeAwareness,
  encodeReadOnly,
  encodeSaved,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  type IncomingMessage,
} from './protocol'
import { UpdateWriter } from './update-writer'

/** One client connected to a room, as the room sees it. */
export interface RoomPeer {
  readonly isReadOnly: boolean
  /** The client asked for saved notices (`MESSAGE_SAVED`). */
  wantsSavedNotices: boolean
  /** Awareness client ids this connection publishes. */
  readonly awarenessClientIds: Set<number>
  send(frame: Uint8Array): void
  close(reason: CloseReason): void
}

export interface RoomOptions {
  boardId: string
  loaded: LogRead
  limits: SyncLimits
  log: Logger
  append(update: Uint8Array): Promise<number>
  compact(): Promise<number>
  /** Reads what other processes committed after `afterSeq`. */
  readLogAfter(afterSeq: number): Promise<LogRead>
  /** Hands an awareness change made here to the other processes. */
  publishAwareness(update: Uint8Array): void
  onBoardGone(): void
}

/** Origin of changes read back from the database (other processes). */
const FROM_DATABASE = Symbol('from-database')

/**
 * A live board: its document, awareness and connected peers. Updates from
 * editors are applied, broadcast at once and handed to the group-commit
 * writer; saved notices follow the commit. Loading and protocol framing
 * live elsewhere; this class only routes decoded messages.
 */
export class Room {
  readonly boardId: string
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness: awarenessProtocol.Awareness
  readonly peers = new Set<RoomPeer>()
  /** Which peer publishes each awareness client id. */
  readonly #awarenessOwners = new Map<number, RoomPeer>()
  readonly #options: RoomOptions
  readonly #writer: UpdateWriter
  #knownSeq: number
  #savedStateVector: Uint8Array
  #catchUp: Promise<void> | null = null
  #isCatchUpWanted = false

  constructor(options: RoomOptions) {
    this.#options = options
    this.boardId = options.boardId
    this.doc.transact(() => {
      for (const update of options.loaded.updates) {
        Y.applyUpdate(this.doc, update)
      }
    }, FROM_DATABASE)
    this.#knownSeq = options.loaded.lastSeq
    this.#savedStateVector = Y.encodeStateVector(this.doc)
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    this.awareness.setLocalState(null)
    this.#writer = new UpdateWriter({
      boardId: options.boardId,
      append: options.append,
      compact: options.compact,
      captureStateVector: () => Y.encodeStateVector(this.doc),
      onCommitted: (seq, stateVector) => this.#onCommitted(seq, stateVector),
      onBoardGone: options.onBoardGone,
      groupCommitDelayMs: options.limits.groupCommitDelayMs,
      compactionThreshold: options.limits.compactionThreshold,
      updatesSinceSnapshot: options.loaded.updatesSinceSnapshot,
      log: options.log,
    })
    this.doc.on('update', this.#onDocumentUpdate)
    this.awareness.on('update', this.#onAwarenessUpdate)
  }

  get knownSeq(): number {
    return this.#knownSeq
  }

  /** Adds a peer: editors are asked for what they have that we lack. */
  join(peer: RoomPeer): void {
    this.peers.add(peer)
    if (peer.isReadOnly) {
      peer.send(encodeReadOnly())
    } else {
      peer.send(encodeSyncStep1(this.doc))
    }
    const states = this.awareness.getStates()
    if (states.size > 0) {
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
        ...states.keys(),
      ])
      peer.send(encodeAwareness(update))
    }
  }

  /** Removes a peer and, for the others, its awareness states. */
  leave(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return

    const clientIds = [...peer.awarenessClientIds]
    for (const clientId of clientIds) this.#awarenessOwners.delete(clientId)
    awarenessProtocol.removeAwarenessStates(this.awareness, clientIds, peer)
  }

  receive(peer: RoomPeer, message: IncomingMessage): void {
    switch (message.type) {
      case 'sync-step-1':
        peer.send(encodeSyncStep2(this.doc, message.stateVector))
        return
      case 'sync-step-2':
      case 'update':
        // A viewer's edits are dropped here, before they touch anything;
        // the client was told at join that it may only read.
        if (peer.isReadOnly) return
        Y.applyUpdate(this.doc, message.update, peer)
        return
      case 'awareness':
        this.#receiveAwareness(peer, message.entries, message.update)
        return
      case 'query-awareness':
        peer.send(encodeAwareness(this.#encodeAllAwareness()))
        return
      case 'subscribe-saved':
        peer.wantsSavedNotices = true
        peer.send(encodeSaved(this.#savedStateVector))
        return
    }
  }

  /** A peer's access became read-only or writable again. */
  accessChanged(peer: RoomPeer): void {
    peer.send(peer.isReadOnly ? encodeReadOnly() : encodeSyncStep1(this.doc))
  }

  /** Applies what other processes committed up to at least `seq`. */
  catchUp(seq = Number.POSITIVE_INFINITY): Promise<void> {
    if (seq <= this.#knownSeq) return Promise.resolve()
    this.#isCatchUpWanted = true
    this.#catchUp ??= this.#readUntilCurrent().finally(() => {
      this.#catchUp = null
    })

    return this.#catchUp
  }

  /** Applies an awareness change that a peer of another process made. */
  applyRemoteAwareness(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      update,
      FROM_DATABASE,
    )
  }

  get hasUnsavedUpdates(): boolean {
    return this.#writer.hasUnsavedUpdates
  }

  flush(): Promise<void> {
    return this.#writer.flush()
  }

  flushForShutdown(): Promise<void> {
    return this.#writer.flushForShutdown()
  }

  /** Flushes, compacts when useful, and frees the document. */
  async unload(): Promise<void> {
    await this.#writer.compactIfUseful()
    this.doc.off('update', this.#onDocumentUpdate)
    this.awareness.off('update', this.#onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  async #readUntilCurrent(): Promise<void> {
    while (this.#isCatchUpWanted) {
      this.#isCatchUpWanted = false
      const read = await this.#options.readLogAfter(this.#knownSeq)
      this.doc.transact(() => {
        for (const update of read.updates) Y.applyUpdate(this.doc, update)
      }, FROM_DATABASE)
      this.#knownSeq = Math.max(this.#knownSeq, read.lastSeq)
    }
    if (!this.#writer.hasUnsavedUpdates) {
      this.#onCommitted(this.#knownSeq, Y.encodeStateVector(this.doc))
    }
  }

  readonly #onDocumentUpdate = (update: Uint8Array, origin: unknown) => {
    const frame = encodeUpdate(update)
    for (const peer of this.peers) {
      if (peer !== origin) peer.send(frame)
    }
    if (origin !== FROM_DATABASE) this.#writer.enqueue(update)
  }

  readonly #onAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = [...change.added, ...change.updated, ...change.removed]
    const update = awarenessProtocol.encodeAwarenessUpdate(
      this.awareness,
      changed,
    )
    // Echoed to its sender too: the stock client counts any message as a
    // sign of life and reconnects after 30 s without one.
    const frame = encodeAwareness(update)
    for (const peer of this.peers) peer.send(frame)
    if (origin !== FROM_DATABASE) this.#options.publishAwareness(update)
  }

  #receiveAwareness(
    peer: RoomPeer,
    entries: AwarenessEntry[],
    update: Uint8Array,
  ): void {
    const verdict = admitAwareness(
      peer,
      entries,
      update,
      (clientId) => this.#isForeignClientId(peer, clientId),
      this.#options.limits,
    )
    switch (verdict.kind) {
      case 'close':
        peer.close('awarenessTooLarge')
        return
      case 'ignore':
        return
      case 'apply':
        break
    }

    for (const clientId of verdict.claimed) {
      peer.awarenessClientIds.add(clientId)
      this.#awarenessOwners.set(clientId, peer)
    }
    for (const clientId of verdict.released) {
      peer.awarenessClientIds.delete(clientId)
      this.#awarenessOwners.delete(clientId)
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, verdict.update, peer)
  }

  /** Published by another connection, here or in another process. */
  #isForeignClientId(peer: RoomPeer, clientId: number): boolean {
    const owner = this.#awarenessOwners.get(clientId)
    if (owner) return owner !== peer

    return this.awareness.states.has(clientId)
  }

  #encodeAllAwareness(): Uint8Array {
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
      ...this.awareness.getStates().keys(),
    ])
  }

  #onCommitted(seq: number, stateVector: Uint8Array): void {
    if (seq === this.#knownSeq + 1) {
      this.#knownSeq = seq
    } else if (seq > this.#knownSeq) {
      // Another process committed in between: read its rows, which also
      // moves the high-water mark past ours.
      void this.catchUp(seq).catch((error: unknown) => {
        this.#options.log.warn(
          { boardId: this.boardId, err: error },
          'board catch-up failed',
        )
      })
    }
    this.#savedStateVector = stateVector
    const frame = encodeSaved(stateVector)
    for (const peer of this.peers) {
      if (peer.wantsSavedNotices) peer.send(frame)
    }
  }
}

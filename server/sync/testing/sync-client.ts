import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE_SAVED } from '../protocol'

/**
 * A stock y-websocket client in Node, as the tests and the benchmark use
 * it: `ws` underneath, sending the session cookie and Origin a browser
 * would send, with the cross-tab BroadcastChannel off (in one Node process
 * it would let clients talk past the server).
 */
export interface SyncClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** The last state vector the server said is durable. */
  savedStateVector: Map<number, number>
  /** Resolves once the first sync with the server completed. */
  synced(): Promise<void>
  /** Resolves once every local edit so far is reported saved. */
  allSaved(): Promise<void>
  /** Calls `listener` on each saved notice; returns an unsubscribe. */
  onSaved(listener: () => void): () => void
  /** Resolves with the close code when the server ends the connection. */
  closed(): Promise<number>
  destroy(): void
}

export interface SyncClientOptions {
  /** `ws://host:port/sync` */
  baseUrl: string
  boardId: string
  headers: Record<string, string>
  /** Ask for saved notices (`MESSAGE_SAVED`). */
  wantsSavedNotices?: boolean
  doc?: Y.Doc
  connect?: boolean
}

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const doc = options.doc ?? new Y.Doc()
  const headers = options.headers
  class HeaderWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }
  const provider = new WebsocketProvider(
    options.baseUrl,
    options.boardId,
    doc,
    {
      WebSocketPolyfill:
        HeaderWebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      connect: options.connect ?? true,
      maxBackoffTime: 500,
    },
  )
  const savedStateVector = new Map<number, number>()
  const savedListeners = new Set<() => void>()
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    const vector = Y.decodeStateVector(decoding.readVarUint8Array(decoder))
    for (const [clientId, clock] of vector)
      savedStateVector.set(clientId, clock)
    for (const listener of savedListeners) listener()
  }
  if (options.wantsSavedNotices) {
    provider.on('status', ({ status }) => {
      if (status === 'connected')
        provider.ws?.send(Uint8Array.of(MESSAGE_SAVED))
    })
  }

  const isAllSaved = () => {
    const local = Y.getState(doc.store, doc.clientID)
    return local === 0 || (savedStateVector.get(doc.clientID) ?? 0) >= local
  }

  return {
    doc,
    provider,
    savedStateVector,
    synced: () =>
      new Promise((resolve) => {
        if (provider.synced) return resolve()
        const onSync = (isSynced: boolean) => {
          if (!isSynced) return
          provider.off('sync', onSync)
          resolve()
        }
        provider.on('sync', onSync)
      }),
    allSaved: () =>
      new Promise((resolve) => {
        if (isAllSaved()) return resolve()
        const check = () => {
          if (!isAllSaved()) return
          savedListeners.delete(check)
          resolve()
        }
        savedListeners.add(check)
      }),
    onSaved: (listener) => {
      savedListeners.add(listener)
      return () => savedListeners.delete(listener)
    },
    closed: () =>
      new Promise((resolve) => {
        provider.on('connection-close', (event) => {
          if (event) resolve(event.code)
        })
      }),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Resolves when `check` holds, re-testing on every change of `doc`. */
export function whenDoc(doc: Y.Doc, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve()
    const onUpdate = () => {
      if (!check()) return
      doc.off('update', onUpdate)
      resolve()
    }
    doc.on('update', onUpdate)
  })
}

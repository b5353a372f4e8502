import * as decoding from 'lib0/decoding'
import { type Accessor, createSignal } from 'solid-js'
import * as authProtocol from 'y-protocols/auth'
import type { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  MESSAGE_AUTH,
  MESSAGE_SAVED,
  READ_ONLY_REASON,
} from '../../../server/sync/protocol'
import { type SaveStatus, type StateVector, saveStatus } from './save-status'

/** Why the server ended the connection for good, in the reader's words. */
const TERMINAL_CLOSES: Record<number, string> = {
  4400: 'The connection to the board broke a rule and was closed.',
  4401: 'Your session ended. Sign in again to keep working.',
  4403: 'Your access to this board was withdrawn.',
  4404: 'This board no longer exists.',
  4413: 'The connection sent too much presence data and was closed.',
}

export interface BoardConnection {
  doc: Y.Doc
  awareness: Awareness
  status: Accessor<SaveStatus>
  /** The server told us it drops our edits. */
  isReadOnly: Accessor<boolean>
  /** The first full sync with the server is done. */
  hasSynced: Accessor<boolean>
  /** Set when the server closed the connection and will not take it back. */
  closedMessage: Accessor<string | null>
  destroy(): void
}

/**
 * Opens a board's document over the stock y-websocket client, opting in to
 * the server's saved notices so that the page can say "Saved" only when
 * the server has made every known edit durable.
 */
export function connectBoard(boardId: string): BoardConnection {
  const doc = new Y.Doc()
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  const provider = new WebsocketProvider(
    `${scheme}://${location.host}/sync`,
    boardId,
    doc,
    // Each tab keeps its own socket so its indicator speaks for its edits.
    { disableBc: true },
  )
  const [isConnected, setConnected] = createSignal(false)
  const [hasEverConnected, setEverConnected] = createSignal(false)
  const [acknowledged, setAcknowledged] = createSignal<StateVector | null>(null)
  const [local, setLocal] = createSignal<StateVector>(stateVectorOf(doc))
  const [hasPendingDeletion, setPendingDeletion] = createSignal(false)
  const [isReadOnly, setReadOnly] = createSignal(false)
  const [hasSynced, setSynced] = createSignal(false)
  const [closedMessage, setClosedMessage] = createSignal<string | null>(null)

  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    setAcknowledged(Y.decodeStateVector(decoding.readVarUint8Array(decoder)))
    setPendingDeletion(false)
  }
  provider.messageHandlers[MESSAGE_AUTH] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => {
      setReadOnly(reason === READ_ONLY_REASON)
    })
  }

  const onStatus = ({ status }: { status: string }) => {
    const isNowConnected = status === 'connected'
    setConnected(isNowConnected)
    if (!isNowConnected) return
    setEverConnected(true)
    setAcknowledged(null)
    provider.ws?.send(Uint8Array.of(MESSAGE_SAVED))
  }
  const onSync = (isSynced: boolean) => {
    if (isSynced) setSynced(true)
  }
  const onClosed = (event: { code: number }) => {
    setClosedMessage(
      TERMINAL_CLOSES[event.code] ?? 'The server closed the connection.',
    )
  }
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    const before = local()
    const after = stateVectorOf(doc)
    setLocal(after)
    // A change that only deletes adds no operation to the state vector, so
    // the acknowledged vector cannot show it is durable. Such a change is
    // held as "saving" until the next saved notice. That notice may come
    // from a batch cut just before the deletion reached the server, so the
    // indicator can say "Saved" a few milliseconds early for a deletion;
    // a per-connection count in the saved notice would close that gap.
    const isLocal = origin !== provider
    const ownClock = (vector: StateVector) => vector.get(doc.clientID) ?? 0
    if (isLocal && ownClock(after) === ownClock(before)) {
      setPendingDeletion(true)
    }
  }
  provider.on('status', onStatus)
  provider.on('sync', onSync)
  provider.on('closed', onClosed)
  doc.on('update', onUpdate)

  const status = () =>
    saveStatus({
      isConnected: isConnected(),
      hasEverConnected: hasEverConnected(),
      acknowledged: acknowledged(),
      local: local(),
      hasPendingDeletion: hasPendingDeletion(),
    })

  return {
    doc,
    awareness: provider.awareness,
    status,
    isReadOnly,
    hasSynced,
    closedMessage,
    destroy() {
      provider.off('status', onStatus)
      provider.off('sync', onSync)
      provider.off('closed', onClosed)
      doc.off('update', onUpdate)
      provider.destroy()
      doc.destroy()
    },
  }
}

function stateVectorOf(doc: Y.Doc): StateVector {
  return Y.decodeStateVector(Y.encodeStateVector(doc))
}

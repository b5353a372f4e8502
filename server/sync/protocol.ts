import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/**
 * The y-websocket wire protocol, plus one message type of our own. Every
 * WebSocket message is one binary frame: a varUint message type, then its
 * body. Types 0–3 are y-websocket's; `MESSAGE_SAVED` is ours and is sent
 * only to clients that asked for it, since a stock client logs an error on
 * a type it does not know.
 */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3
/** Client → server: `[100]` asks for saved notices. Server → client:
 * `[100, varUint8Array(stateVector)]`, the state vector now durable. */
export const MESSAGE_SAVED = 100

const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2
const AUTH_PERMISSION_DENIED = 0

/** Reason sent with the auth message to a connection that may only read. */
export const READ_ONLY_REASON = 'read-only'

export type IncomingMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; entries: AwarenessEntry[]; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'subscribe-saved' }

export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The state's JSON text; `'null'` when the client leaves. */
  stateJson: string
}

/** A frame that does not follow the protocol; says which rule it broke. */
export class MalformedMessageError extends Error {
  readonly code = 'malformed_message'

  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'MalformedMessageError'
  }
}

/**
 * Decodes one frame from a client, checking its structure completely
 * (including the Yjs update or state vector inside it) so that nothing
 * malformed reaches a document. Throws `MalformedMessageError`.
 */
export function decodeIncoming(frame: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(frame)
    const message = readMessage(decoder)
    if (decoding.hasContent(decoder)) {
      throw new MalformedMessageError('trailing bytes after the message')
    }

    return message
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error
    throw new MalformedMessageError('the frame could not be decoded', {
      cause: error,
    })
  }
}

function readMessage(decoder: decoding.Decoder): IncomingMessage {
  const messageType = decoding.readVarUint(decoder)
  switch (messageType) {
    case MESSAGE_SYNC:
      return readSyncMessage(decoder)
    case MESSAGE_AWARENESS:
      return readAwarenessMessage(decoding.readVarUint8Array(decoder))
    case MESSAGE_QUERY_AWARENESS:
      return { type: 'query-awareness' }
    case MESSAGE_SAVED:
      return { type: 'subscribe-saved' }
    default:
      throw new MalformedMessageError(`unknown message type ${messageType}`)
  }
}

function readSyncMessage(decoder: decoding.Decoder): IncomingMessage {
  const syncType = decoding.readVarUint(decoder)
  const body = decoding.readVarUint8Array(decoder)
  switch (syncType) {
    case SYNC_STEP_1:
      Y.decodeStateVector(body)
      return { type: 'sync-step-1', stateVector: body }
    case SYNC_STEP_2:
      Y.decodeUpdate(body)
      return { type: 'sync-step-2', update: body }
    case SYNC_UPDATE:
      Y.decodeUpdate(body)
      return { type: 'update', update: body }
    default:
      throw new MalformedMessageError(`unknown sync message type ${syncType}`)
  }
}

function readAwarenessMessage(update: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const stateJson = decoding.readVarString(decoder)
    JSON.parse(stateJson)
    entries.push({ clientId, clock, stateJson })
  }
  if (decoding.hasContent(decoder)) {
    throw new MalformedMessageError('trailing bytes in the awareness update')
  }

  return { type: 'awareness', entries, update }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSync(SYNC_STEP_1, Y.encodeStateVector(doc))
}

/** The part of `doc` that a peer with `stateVector` is missing. */
export function encodeSyncStep2(
  doc: Y.Doc,
  stateVector: Uint8Array,
): Uint8Array {
  return encodeSync(SYNC_STEP_2, Y.encodeStateAsUpdate(doc, stateVector))
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SYNC_UPDATE, update)
}

function encodeSync(syncType: number, body: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, body)

  return encoding.toUint8Array(encoder)
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, update)

  return encoding.toUint8Array(encoder)
}

export function encodeQueryAwareness(): Uint8Array {
  return Uint8Array.of(MESSAGE_QUERY_AWARENESS)
}

/**
 * Tells a client it may only read, with y-protocols' auth message: a stock
 * client logs the reason once; its edits stay local.
 */
export function encodeReadOnly(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  encoding.writeVarUint(encoder, AUTH_PERMISSION_DENIED)
  encoding.writeVarString(encoder, READ_ONLY_REASON)

  return encoding.toUint8Array(encoder)
}

export function encodeSaved(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SAVED)
  encoding.writeVarUint8Array(encoder, stateVector)

  return encoding.toUint8Array(encoder)
}

/** Reads a saved notice on the client side; `null` for any other frame. */
export function decodeSaved(frame: Uint8Array): Map<number, number> | null {
  const decoder = decoding.createDecoder(frame)
  if (decoding.readVarUint(decoder) !== MESSAGE_SAVED) return null

  return Y.decodeStateVector(decoding.readVarUint8Array(decoder))
}

import * as encoding from 'lib0/encoding'
import type { SyncLimits } from '../config/config'
import type { AwarenessEntry } from './protocol'

/** What the gate needs to know about a connection. */
export interface AwarenessPublisher {
  readonly awarenessClientIds: Set<number>
}

export type AwarenessVerdict =
  | { kind: 'close' }
  /** Nothing in the message was the connection's own to publish. */
  | { kind: 'ignore' }
  | {
      kind: 'apply'
      /** The update to apply: the original, or one without foreign ids. */
      update: Uint8Array
      /** Client ids the peer now publishes, and ids it gave up. */
      claimed: number[]
      released: number[]
    }

/**
 * Decides what an awareness message may do. A state over the size limit,
 * or more client ids than allowed per connection, closes the connection.
 *
 * A connection publishes its own client ids only. The stock client echoes
 * every awareness change it hears (other people's states included) back
 * to the server; those entries, for ids that another connection of this or
 * another process publishes, are left out rather than counted or applied,
 * which also means nobody can move or remove someone else's cursor.
 */
export function admitAwareness(
  peer: AwarenessPublisher,
  entries: AwarenessEntry[],
  update: Uint8Array,
  isForeign: (clientId: number) => boolean,
  limits: Pick<SyncLimits, 'maxAwarenessBytes' | 'maxAwarenessStates'>,
): AwarenessVerdict {
  const allowed: AwarenessEntry[] = []
  for (const entry of entries) {
    if (Buffer.byteLength(entry.stateJson) > limits.maxAwarenessBytes) {
      return { kind: 'close' }
    }
    if (isForeign(entry.clientId)) continue
    allowed.push(entry)
  }
  if (allowed.length === 0) return { kind: 'ignore' }

  const owned = new Set(peer.awarenessClientIds)
  const claimed: number[] = []
  const released: number[] = []
  for (const entry of allowed) {
    if (entry.stateJson === 'null') {
      owned.delete(entry.clientId)
      released.push(entry.clientId)
    } else {
      owned.add(entry.clientId)
      claimed.push(entry.clientId)
    }
  }
  if (owned.size > limits.maxAwarenessStates) return { kind: 'close' }

  const isWhole = allowed.length === entries.length

  return {
    kind: 'apply',
    update: isWhole ? update : encodeEntries(allowed),
    claimed,
    released,
  }
}

function encodeEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.stateJson)
  }

  return encoding.toUint8Array(encoder)
}

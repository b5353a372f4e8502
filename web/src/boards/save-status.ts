/** A Yjs state vector: client id → number of operations seen. */
export type StateVector = Map<number, number>

/**
 * What the indicator says. `saved` only when the server's acknowledged
 * state covers every operation this page knows of.
 */
export type SaveStatus = 'connecting' | 'saving' | 'saved' | 'offline'

/** Whether every operation in `local` is inside `acknowledged`. */
export function isCoveredBy(
  local: StateVector,
  acknowledged: StateVector,
): boolean {
  for (const [clientId, clock] of local) {
    if ((acknowledged.get(clientId) ?? 0) < clock) return false
  }

  return true
}

export interface SaveFacts {
  isConnected: boolean
  hasEverConnected: boolean
  /** Null until the server's first saved notice on this connection. */
  acknowledged: StateVector | null
  local: StateVector
  /** A local change that only deleted is waiting for a saved notice. */
  hasPendingDeletion: boolean
}

export function saveStatus(facts: SaveFacts): SaveStatus {
  if (!facts.isConnected) {
    return facts.hasEverConnected ? 'offline' : 'connecting'
  }
  if (!facts.acknowledged || facts.hasPendingDeletion) return 'saving'

  return isCoveredBy(facts.local, facts.acknowledged) ? 'saved' : 'saving'
}

export const SAVE_STATUS_LABELS: Record<SaveStatus, string> = {
  connecting: 'Connecting…',
  saving: 'Saving…',
  saved: 'Saved',
  offline: 'Offline',
}

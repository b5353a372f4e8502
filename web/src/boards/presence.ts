import { type Accessor, createSignal, onCleanup } from 'solid-js'
import type { Awareness } from 'y-protocols/awareness'
import type { MapView } from '../../../server/boards/board-document'

/** Who someone is, as everyone on the board sees them. */
export interface PresenceUser {
  id: string
  name: string
  partner: string
  colour: string
}

/** What each connection publishes through awareness. */
export interface PresenceState {
  user: PresenceUser
  /** Where their pointer is on the map, or null when it is elsewhere. */
  cursor: [number, number] | null
  viewport: MapView | null
}

export interface Participant extends PresenceState {
  clientId: number
  isSelf: boolean
}

const PRESENCE_COLOURS = [
  '#e8590c',
  '#0c8599',
  '#9c36b5',
  '#2f9e44',
  '#c92a2a',
  '#1864ab',
  '#e67700',
  '#5c940d',
]

/** A stable colour per person, so that they keep it across reloads. */
export function colourFor(userId: string): string {
  let hash = 0
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0

  return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length] ?? '#1864ab'
}

/** Every connection on the board with a presence, oneself included. */
export function useParticipants(awareness: Awareness): Accessor<Participant[]> {
  const [list, setList] = createSignal(readParticipants(awareness))
  const onChange = () => setList(readParticipants(awareness))
  awareness.on('change', onChange)
  onCleanup(() => awareness.off('change', onChange))

  return list
}

function readParticipants(awareness: Awareness): Participant[] {
  const participants: Participant[] = []
  for (const [clientId, state] of awareness.getStates()) {
    if (!isPresenceState(state)) continue
    participants.push({
      ...state,
      clientId,
      isSelf: clientId === awareness.clientID,
    })
  }

  return participants.sort((a, b) =>
    a.isSelf === b.isSelf
      ? a.user.name.localeCompare(b.user.name)
      : a.isSelf
        ? -1
        : 1,
  )
}

/**
 * One entry per person: someone with the board open in two tabs is listed
 * once; their first connection in the list stands for them.
 */
export function distinctPeople(participants: Participant[]): Participant[] {
  const seen = new Set<string>()

  return participants.filter((participant) => {
    if (seen.has(participant.user.id)) return false
    seen.add(participant.user.id)
    return true
  })
}

function isPresenceState(state: unknown): state is PresenceState {
  if (typeof state !== 'object' || state === null) return false
  const user = (state as { user?: unknown }).user
  if (typeof user !== 'object' || user === null) return false
  const { id, name } = user as Record<string, unknown>

  return typeof id === 'string' && typeof name === 'string'
}

export function publishPresence(awareness: Awareness, user: PresenceUser) {
  awareness.setLocalState({ user, cursor: null, viewport: null })
}

export function publishCursor(
  awareness: Awareness,
  cursor: [number, number] | null,
): void {
  awareness.setLocalStateField('cursor', cursor)
}

export function publishViewport(awareness: Awareness, viewport: MapView) {
  awareness.setLocalStateField('viewport', viewport)
}

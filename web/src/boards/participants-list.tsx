import { type Accessor, For } from 'solid-js'
import { distinctPeople, type Participant } from './presence'

/** Who has the board open now, oneself first. */
export function ParticipantsList(props: {
  participants: Accessor<Participant[]>
  presenterId: Accessor<string | null>
}) {
  const people = () => distinctPeople(props.participants())

  return (
    <section class="participants" aria-label="People on this board">
      <ul class="participants-list" data-testid="participants">
        <For each={people()}>
          {(person) => (
            <li
              class="participant"
              style={{ '--participant-colour': person.user.colour }}
              title={`${person.user.name}, ${person.user.partner}`}
            >
              <span class="participant-badge" aria-hidden="true">
                {initials(person.user.name)}
              </span>
              <span class="participant-name">
                {person.user.name}
                {person.isSelf ? ' (you)' : ''}
              </span>
              <span class="participant-partner">{person.user.partner}</span>
              {props.presenterId() === person.user.id && (
                <span class="participant-presenting">presenting</span>
              )}
            </li>
          )}
        </For>
      </ul>
    </section>
  )
}

function initials(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .map((word) => word[0] ?? '')
  const kept = letters.length > 2 ? [letters[0], letters.at(-1)] : letters

  return kept.join('').toUpperCase()
}

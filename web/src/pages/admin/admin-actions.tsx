import { createResource, createSignal, For } from 'solid-js'
import { describeError } from '../../api/api-client'
import { fetchPartners } from '../../api/directory-api'
import type { PartnerView } from '../../api/types'

/** The partners, and a lookup of a partner's name by id for tables. */
export function createPartnerNames() {
  const [partners] = createResource(fetchPartners)
  const partnerName = (id: string) =>
    partners()?.find((p) => p.id === id)?.name ?? '—'

  return { partners, partnerName }
}

/**
 * Runs an admin's change: clears the last message (`onStart`), awaits it,
 * then reloads the page's list (`after`); a failure becomes `error()`.
 */
export function createAdminAction(options: {
  after: () => unknown
  onStart?: () => void
}) {
  const [error, setError] = createSignal<string | null>(null)
  const run = async (action: () => Promise<unknown>) => {
    setError(null)
    options.onStart?.()
    try {
      await action()
      await options.after()
    } catch (caught) {
      setError(describeError(caught))
    }
  }

  return { error, run }
}

/** A required choice, named `partnerId`, among the partners still active. */
export function ActivePartnerSelect(props: {
  partners: PartnerView[] | undefined
}) {
  return (
    <label>
      Partner
      <select name="partnerId" required>
        <For each={props.partners?.filter((p) => p.isActive)}>
          {(partner) => <option value={partner.id}>{partner.name}</option>}
        </For>
      </select>
    </label>
  )
}

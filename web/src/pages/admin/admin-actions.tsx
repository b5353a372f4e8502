import { createResource, createSignal, Show } from 'solid-js'
import { describeError } from '../../api/api-client'
import { fetchPartners } from '../../api/directory-api'

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

export function ErrorLine(props: { error: string | null }) {
  return (
    <Show when={props.error}>
      <p class="form-error" role="alert">
        {props.error}
      </p>
    </Show>
  )
}

import { createResource, createSignal, For, Show } from 'solid-js'
import { apiRequest, describeError } from '../../api/api-client'
import { fetchUsers } from '../../api/directory-api'
import { formatTime } from '../../api/labels'
import type { AuditEventView } from '../../api/types'
import { ErrorLine } from '../../components/form-messages'
import '../forms.css'

interface AuditPage {
  events: AuditEventView[]
  nextBefore: number | null
}

const PAGE_SIZE = 100

/** Admins read the trail of who did what, newest first. */
export function AuditPage() {
  const [events, setEvents] = createSignal<AuditEventView[]>([])
  const [nextBefore, setNextBefore] = createSignal<number | null>(null)
  const [filters, setFilters] = createSignal(new URLSearchParams())
  const [error, setError] = createSignal<string | null>(null)
  const [users] = createResource(fetchUsers)
  const actorName = (event: AuditEventView) => {
    if (event.actorTokenId) return `API token ${event.actorTokenId}`
    if (!event.actorUserId) return '—'
    const user = users()?.find((u) => u.id === event.actorUserId)
    return user?.email ?? event.actorUserId
  }

  const load = async (before: number | null) => {
    setError(null)
    const query = new URLSearchParams(filters())
    query.set('limit', String(PAGE_SIZE))
    if (before !== null) query.set('before', String(before))
    try {
      const page = await apiRequest<AuditPage>('GET', `/api/audit?${query}`)
      setEvents(before === null ? page.events : [...events(), ...page.events])
      setNextBefore(page.nextBefore)
    } catch (caught) {
      setError(describeError(caught))
    }
  }
  const filter = (event: SubmitEvent) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    const query = new URLSearchParams()
    for (const [name, value] of form) {
      if (typeof value === 'string' && value.trim())
        query.set(name, value.trim())
    }
    setFilters(query)
    return load(null)
  }
  void load(null)

  return (
    <section class="page">
      <h1>Audit trail</h1>
      <form
        class="form form-inline"
        onSubmit={filter}
        aria-label="Filter the trail"
      >
        <label>
          Action (or area, e.g. auth.)
          <input name="action" placeholder="auth.login" />
        </label>
        <label>
          Outcome
          <select name="outcome">
            <option value="">any</option>
            <option value="success">success</option>
            <option value="failure">failure</option>
          </select>
        </label>
        <label>
          Target id
          <input name="targetId" />
        </label>
        <button type="submit">Filter</button>
      </form>
      <ErrorLine error={error()} />
      <table class="table" aria-label="Audit events">
        <thead>
          <tr>
            <th>When</th>
            <th>Action</th>
            <th>Outcome</th>
            <th>Actor</th>
            <th>Target</th>
            <th>Address</th>
            <th>Details</th>
          </tr>
        </thead>
        <tbody>
          <For each={events()}>
            {(event) => (
              <tr>
                <td title={event.occurredAt}>{formatTime(event.occurredAt)}</td>
                <td>{event.action}</td>
                <td>
                  <span
                    class={event.outcome === 'failure' ? 'tag tag-off' : 'tag'}
                  >
                    {event.outcome}
                  </span>
                </td>
                <td>{actorName(event)}</td>
                <td>
                  {event.targetType} {event.targetId}
                </td>
                <td>{event.ipAddress ?? '—'}</td>
                <td>
                  <code>{JSON.stringify(event.details)}</code>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={nextBefore() !== null}>
        <p>
          <button
            type="button"
            class="button-quiet"
            onClick={() => load(nextBefore())}
          >
            Older events
          </button>
        </p>
      </Show>
    </section>
  )
}

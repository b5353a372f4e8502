import { useNavigate } from '@solidjs/router'
import { createResource, createSignal, For, Show } from 'solid-js'
import { apiRequest, describeError } from '../api/api-client'
import { formatTime, ROLE_LABELS } from '../api/labels'
import type { SessionView } from '../api/types'
import { loadMe, me, signOut } from '../auth/auth-state'
import { ErrorLine, NoticeLine } from '../components/form-messages'
import './forms.css'

/** "My account": who I am, my password, my sessions. */
export function AccountPage() {
  return (
    <section class="page">
      <h1>My account</h1>
      <Show when={me()}>
        {(user) => (
          <p class="page-lead">
            {user().displayName} · {user().email} · {ROLE_LABELS[user().role]}{' '}
            at {user().partner.name}
          </p>
        )}
      </Show>
      <Show when={me()?.mustChangePassword}>
        <p class="form-notice" role="status">
          The password you signed in with was made for you. Choose your own to
          continue.
        </p>
      </Show>
      <ChangePassword />
      <Show when={!me()?.mustChangePassword}>
        <MySessions />
      </Show>
    </section>
  )
}

function ChangePassword() {
  const [message, setMessage] = createSignal<string | null>(null)
  const [error, setError] = createSignal<string | null>(null)

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const formElement = event.currentTarget as HTMLFormElement
    const form = new FormData(formElement)
    setMessage(null)
    setError(null)
    if (form.get('newPassword') !== form.get('confirmPassword')) {
      setError('The two new passwords differ.')
      return
    }
    try {
      await apiRequest('POST', '/api/users/me/password', {
        currentPassword: form.get('currentPassword'),
        newPassword: form.get('newPassword'),
      })
      formElement.reset()
      await loadMe()
      setMessage('Password changed. Your other sessions have been ended.')
    } catch (caught) {
      setError(describeError(caught))
    }
  }

  return (
    <>
      <h2>Change password</h2>
      <form class="form" onSubmit={submit} aria-label="Change password">
        <label>
          Current password
          <input
            name="currentPassword"
            type="password"
            autocomplete="current-password"
            required
          />
        </label>
        <label>
          New password (12 characters or more)
          <input
            name="newPassword"
            type="password"
            autocomplete="new-password"
            minLength={12}
            maxLength={128}
            required
          />
        </label>
        <label>
          New password again
          <input
            name="confirmPassword"
            type="password"
            autocomplete="new-password"
            required
          />
        </label>
        <ErrorLine error={error()} />
        <NoticeLine notice={message()} />
        <button type="submit">Change password</button>
      </form>
    </>
  )
}

function MySessions() {
  const navigate = useNavigate()
  const [sessions, { refetch }] = createResource(() =>
    apiRequest<{ sessions: SessionView[] }>('GET', '/api/sessions').then(
      (body) => body.sessions,
    ),
  )
  const [error, setError] = createSignal<string | null>(null)

  const end = async (session: SessionView) => {
    try {
      if (session.isCurrent) {
        await signOut()
        navigate('/login', { replace: true })
        return
      }
      await apiRequest('DELETE', `/api/sessions/${session.id}`)
      await refetch()
    } catch (caught) {
      setError(describeError(caught))
    }
  }
  const endOthers = async () => {
    try {
      await apiRequest('DELETE', '/api/sessions')
      await refetch()
    } catch (caught) {
      setError(describeError(caught))
    }
  }

  return (
    <>
      <h2>My sessions</h2>
      <ErrorLine error={error()} />
      <table class="table" aria-label="My sessions">
        <thead>
          <tr>
            <th>Signed in</th>
            <th>Last active</th>
            <th>Address</th>
            <th>Browser</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <For each={sessions()}>
            {(session) => (
              <tr>
                <td>
                  {formatTime(session.createdAt)}{' '}
                  <Show when={session.isCurrent}>
                    <span class="tag">this browser</span>
                  </Show>
                </td>
                <td>{formatTime(session.lastSeenAt)}</td>
                <td>{session.ipAddress ?? '—'}</td>
                <td>{session.userAgent ?? '—'}</td>
                <td>
                  <button
                    type="button"
                    class="button-danger"
                    onClick={() => end(session)}
                  >
                    {session.isCurrent ? 'Sign out' : 'End'}
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <p>
        <button type="button" class="button-quiet" onClick={endOthers}>
          End all my other sessions
        </button>
      </p>
    </>
  )
}

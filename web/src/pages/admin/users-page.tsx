import { createResource, createSignal, For, Show } from 'solid-js'
import { apiRequest } from '../../api/api-client'
import { fetchUsers } from '../../api/directory-api'
import { formatTime, keysOf, ROLE_LABELS } from '../../api/labels'
import type { Role, UserView } from '../../api/types'
import { me } from '../../auth/auth-state'
import { ErrorLine, NoticeLine } from '../../components/form-messages'
import {
  ActivePartnerSelect,
  createAdminAction,
  createPartnerNames,
} from './admin-actions'
import '../forms.css'

/** A password to hand over, shown once after it was made. */
interface ShownPassword {
  email: string
  password: string
}

/** Admins create accounts, change roles, disable, reset, end sessions. */
export function UsersPage() {
  const { partners, partnerName } = createPartnerNames()
  const [users, { refetch }] = createResource(fetchUsers)
  const [notice, setNotice] = createSignal<string | null>(null)
  const [shown, setShown] = createSignal<ShownPassword | null>(null)
  const { error, run } = createAdminAction({
    after: refetch,
    onStart: () => {
      setNotice(null)
      setShown(null)
    },
  })
  const create = (event: SubmitEvent) => {
    event.preventDefault()
    const formElement = event.currentTarget as HTMLFormElement
    const form = new FormData(formElement)
    const password = String(form.get('password') ?? '')
    const mustChangePassword = form.get('mustChangePassword') === 'on'
    return run(async () => {
      const created = await apiRequest<{ user: UserView; password?: string }>(
        'POST',
        '/api/users',
        {
          partnerId: form.get('partnerId'),
          email: form.get('email'),
          displayName: form.get('displayName'),
          role: form.get('role') as Role,
          ...(password ? { password, mustChangePassword } : {}),
        },
      )
      formElement.reset()
      if (created.password) {
        setShown({ email: created.user.email, password: created.password })
      } else {
        setNotice(`Created ${created.user.email}.`)
      }
    })
  }
  const update = (user: UserView, changes: Record<string, unknown>) =>
    run(() => apiRequest('PATCH', `/api/users/${user.id}`, changes))
  const endSessions = (user: UserView) =>
    run(async () => {
      const { endedSessionIds } = await apiRequest<{
        endedSessionIds: string[]
      }>('DELETE', `/api/users/${user.id}/sessions`)
      setNotice(`Ended ${endedSessionIds.length} session(s) of ${user.email}.`)
    })
  const resetPassword = (user: UserView) => {
    const password = window.prompt(
      `New password for ${user.email} (12 characters or more)`,
    )
    if (password) return update(user, { password, mustChangePassword: true })
  }

  return (
    <section class="page">
      <h1>Users</h1>
      <form
        class="form form-inline"
        onSubmit={create}
        aria-label="Create a user"
      >
        <ActivePartnerSelect partners={partners()} />
        <label>
          E-mail
          <input name="email" type="email" required />
        </label>
        <label>
          Name
          <input name="displayName" required maxLength={200} />
        </label>
        <label>
          Role
          <select name="role" required>
            <For each={keysOf(ROLE_LABELS)}>
              {(role) => (
                // The least power is the default: reading.
                <option value={role} selected={role === 'reviewer'}>
                  {ROLE_LABELS[role]}
                </option>
              )}
            </For>
          </select>
        </label>
        <label>
          Password (empty: make one)
          <input name="password" type="password" autocomplete="new-password" />
        </label>
        <label class="form-check">
          <input name="mustChangePassword" type="checkbox" checked />
          To be replaced at first sign-in
        </label>
        <button type="submit">Create user</button>
      </form>
      <ErrorLine error={error()} />
      <NoticeLine notice={notice()} />
      <Show when={shown()}>
        {(account) => (
          <p class="form-notice" role="status" data-testid="one-time-password">
            Password for {account().email}, shown only now:{' '}
            <code>{account().password}</code>
          </p>
        )}
      </Show>
      <h2>All users</h2>
      <table class="table" aria-label="Users">
        <thead>
          <tr>
            <th>Name</th>
            <th>E-mail</th>
            <th>Partner</th>
            <th>Role</th>
            <th>Last sign-in</th>
            <th />
          </tr>
        </thead>
        <tbody>
          <For each={users()}>
            {(user) => (
              <tr>
                <td>
                  {user.displayName}{' '}
                  <Show when={user.isDisabled}>
                    <span class="tag tag-off">disabled</span>
                  </Show>
                </td>
                <td>{user.email}</td>
                <td>{partnerName(user.partnerId)}</td>
                <td>
                  <select
                    aria-label={`Role of ${user.email}`}
                    value={user.role}
                    disabled={user.id === me()?.id}
                    onChange={(e) =>
                      update(user, { role: e.currentTarget.value as Role })
                    }
                  >
                    <For each={keysOf(ROLE_LABELS)}>
                      {(role) => (
                        <option value={role}>{ROLE_LABELS[role]}</option>
                      )}
                    </For>
                  </select>
                </td>
                <td>{formatTime(user.lastLoginAt)}</td>
                <td>
                  <Show when={user.id !== me()?.id}>
                    <button
                      type="button"
                      class={user.isDisabled ? 'button-quiet' : 'button-danger'}
                      onClick={() =>
                        update(user, { isDisabled: !user.isDisabled })
                      }
                    >
                      {user.isDisabled ? 'Enable' : 'Disable'}
                    </button>{' '}
                  </Show>
                  <button
                    type="button"
                    class="button-quiet"
                    onClick={() => resetPassword(user)}
                  >
                    Reset password
                  </button>{' '}
                  <button
                    type="button"
                    class="button-quiet"
                    onClick={() => endSessions(user)}
                  >
                    End sessions
                  </button>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  )
}

import { A, useNavigate } from '@solidjs/router'
import { Show } from 'solid-js'
import { ROLE_LABELS } from '../api/labels'
import { me, signOut } from './auth-state'
import './user-menu.css'

/** The header's links for the signed-in person, and sign out. */
export function UserMenu() {
  const navigate = useNavigate()
  const leave = async () => {
    await signOut()
    navigate('/login', { replace: true })
  }

  return (
    <Show when={me()}>
      {(user) => (
        <div class="user-menu">
          <Show when={user().role === 'admin'}>
            <nav class="user-menu-admin" aria-label="Administration">
              <A href="/admin/partners">Partners</A>
              <A href="/admin/users">Users</A>
              <A href="/admin/tokens">Tokens</A>
              <A href="/admin/audit">Audit</A>
            </nav>
          </Show>
          <A
            href="/account"
            class="user-menu-name"
            title={`${user().email}, ${user().partner.name}`}
          >
            {user().displayName} · {ROLE_LABELS[user().role]}
          </A>
          <button type="button" class="user-menu-signout" onClick={leave}>
            Sign out
          </button>
        </div>
      )}
    </Show>
  )
}

import { useLocation, useNavigate } from '@solidjs/router'
import { createEffect, type ParentProps, Show } from 'solid-js'
import { loadMe, me } from './auth-state'

const ACCOUNT_PATH = '/account'

/**
 * Shows its pages only to someone signed in; sends others to sign in, and
 * someone whose password was made for them to "My account" to replace it.
 */
export function SignedIn(props: ParentProps) {
  const navigate = useNavigate()
  const location = useLocation()
  if (me() === undefined) void loadMe()
  const mustChangePassword = () => me()?.mustChangePassword === true
  const isShown = () =>
    me() && (!mustChangePassword() || location.pathname === ACCOUNT_PATH)

  createEffect(() => {
    if (me() === null) {
      const next = encodeURIComponent(location.pathname + location.search)
      navigate(`/login?next=${next}`, { replace: true })
    } else if (mustChangePassword() && location.pathname !== ACCOUNT_PATH) {
      navigate(ACCOUNT_PATH, { replace: true })
    }
  })

  return (
    <Show when={isShown()} fallback={<p class="page-status">Loading…</p>}>
      {props.children}
    </Show>
  )
}

/** Shows its pages only to admins. */
export function AdminOnly(props: ParentProps) {
  return (
    <Show
      when={me()?.role === 'admin'}
      fallback={
        <p class="page-status" role="alert">
          Only the centre's administrators can open this page.
        </p>
      }
    >
      {props.children}
    </Show>
  )
}

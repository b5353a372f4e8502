import { useLocation, useNavigate } from '@solidjs/router'
import { createEffect, type ParentProps, Show } from 'solid-js'
import { loadMe, me } from './auth-state'

/** Shows its pages only to someone signed in; sends others to sign in. */
export function SignedIn(props: ParentProps) {
  const navigate = useNavigate()
  const location = useLocation()
  if (me() === undefined) void loadMe()

  createEffect(() => {
    if (me() !== null) return
    const next = encodeURIComponent(location.pathname + location.search)
    navigate(`/login?next=${next}`, { replace: true })
  })

  return (
    <Show when={me()} fallback={<p class="page-status">Loading…</p>}>
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

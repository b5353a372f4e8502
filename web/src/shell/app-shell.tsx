import { type ParentProps, Show } from 'solid-js'
import { me } from '../auth/auth-state'
import { UserMenu } from '../auth/user-menu'

/** Header with the product's name above the page in view. */
export function AppShell(props: ParentProps) {
  return (
    <div class="shell">
      <header class="shell-header">
        <a class="shell-brand" href="/">
          <span class="shell-brand-name">CIATTEH</span>
          <span class="shell-brand-tagline">
            Trafficking and smuggling intelligence board
          </span>
        </a>
        <nav class="shell-nav" aria-label="Main">
          <a href="/">Map of flows</a>
          <a href="/boards">Boards</a>
          <Show when={me()}>
            <a href="/records">Records</a>
          </Show>
          <a href="/analysis">Analysis</a>
        </nav>
        <UserMenu />
      </header>
      <main class="shell-main">{props.children}</main>
    </div>
  )
}

import type { Accessor } from 'solid-js'
import { SAVE_STATUS_LABELS, type SaveStatus } from './save-status'

/**
 * Says whether the board's edits are durable on the server. A live region,
 * so that a screen reader hears "Offline" when the connection drops.
 */
export function SaveIndicator(props: { status: Accessor<SaveStatus> }) {
  return (
    <output
      class="save-indicator"
      data-testid="save-status"
      data-status={props.status()}
      aria-live="polite"
    >
      <span class="save-indicator-dot" aria-hidden="true" />
      {SAVE_STATUS_LABELS[props.status()]}
    </output>
  )
}

import { Show } from 'solid-js'
import { me } from '../../auth/auth-state'
import { canWriteRecords } from './record-access'

/** The records pages, one click from each other. */
export function RecordsNav() {
  return (
    <nav class="records-nav" aria-label="Records">
      <a href="/records">All records</a>
      <Show when={canWriteRecords(me())}>
        <a href="/records/new">Submit a record</a>
        <a href="/records/import">Import CSV</a>
      </Show>
      <a href="/records/batches">Our imports</a>
    </nav>
  )
}

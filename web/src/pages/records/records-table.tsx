import { For, Show } from 'solid-js'
import { me } from '../../auth/auth-state'
import { canChangeRecord } from './record-access'
import { codeLabel, countryName } from './record-labels'
import type { StoredRecord } from './records-api'

export interface RecordsTableProps {
  records: readonly StoredRecord[]
  partnerName: (id: string) => string
  withdraw: (record: StoredRecord) => void
}

const orDash = (value: string | null, show: (v: string) => string) =>
  value === null ? '—' : show(value)

function route(record: StoredRecord): string {
  const stops = [record.origin, ...record.transit, record.destination]
  if (stops.every((stop) => stop === null)) return '—'

  return stops.map((stop) => (stop ? stop : '?')).join(' → ')
}

/** The records in view; actions appear only on the partner's own. */
export function RecordsTable(props: RecordsTableProps) {
  return (
    <div class="table-scroll">
      <table class="table" aria-label="Records">
        <thead>
          <tr>
            <th class="numeric">Record</th>
            <th>Observed</th>
            <th>Phenomenon</th>
            <th class="numeric">Persons</th>
            <th>Gender</th>
            <th>Age band</th>
            <th>Citizenship</th>
            <th>Route</th>
            <th>Exploitation</th>
            <th>District</th>
            <th>Partner</th>
            <th>
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.records}>
            {(record) => (
              <tr data-record-id={record.id}>
                <td class="numeric">{record.id}</td>
                <td>{record.observedOn}</td>
                <td>{codeLabel(record.phenomenon)}</td>
                <td class="numeric">{record.persons}</td>
                <td>{orDash(record.gender, codeLabel)}</td>
                <td>{record.ageBand ?? '—'}</td>
                <td title={orDash(record.citizenship, countryName)}>
                  {record.citizenship ?? '—'}
                </td>
                <td>{route(record)}</td>
                <td>{record.exploitation.map(codeLabel).join(', ') || '—'}</td>
                <td>{orDash(record.area, codeLabel)}</td>
                <td>{props.partnerName(record.partnerId)}</td>
                <td>
                  <Show when={canChangeRecord(me(), record)}>
                    <a
                      href={`/records/${record.id}/edit`}
                      aria-label={`Edit record ${record.id}`}
                    >
                      Edit
                    </a>{' '}
                    <button
                      type="button"
                      class="button-danger"
                      aria-label={`Withdraw record ${record.id}`}
                      onClick={() => props.withdraw(record)}
                    >
                      Withdraw
                    </button>
                  </Show>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  )
}

import { createResource, createSignal, For, Show } from 'solid-js'
import { describeError } from '../../api/api-client'
import { formatTime } from '../../api/labels'
import { me } from '../../auth/auth-state'
import { NoticeLine } from '../../components/form-messages'
import { canWriteRecords } from './record-access'
import { fetchBatches, type ImportBatch, withdrawBatch } from './records-api'
import { RecordsNav } from './records-nav'
import '../forms.css'
import './records.css'

const withdrawLabel = (batch: ImportBatch) =>
  `Withdraw ${batch.fileName ?? 'import'} of ${formatTime(batch.createdAt)}`

/** The partner's CSV imports; a writer withdraws one with its records. */
export function BatchesPage() {
  const [batches, { refetch }] = createResource(fetchBatches)
  const [notice, setNotice] = createSignal<string | null>(null)
  const [error, setError] = createSignal<string | null>(null)

  const withdraw = async (batch: ImportBatch) => {
    const name = batch.fileName ?? 'this import'
    const isConfirmed = window.confirm(
      `Withdraw ${name}? Its ${batch.rowsAccepted} record(s) will be removed from the dataset.`,
    )
    if (!isConfirmed) return
    setNotice(null)
    setError(null)
    try {
      const { recordsRemoved } = await withdrawBatch(batch.id)
      setNotice(`Withdrew ${name}: ${recordsRemoved} record(s) removed.`)
      await refetch()
    } catch (caught) {
      setError(describeError(caught))
    }
  }

  return (
    <section class="page">
      <RecordsNav />
      <h1>Our imports</h1>
      <p class="page-lead">
        CSV files imported by {me()?.partner.name ?? 'your partner'}, newest
        first.
      </p>
      <NoticeLine notice={notice()} />
      <Show when={error() ?? (batches.error && describeError(batches.error))}>
        {(message) => (
          <p class="form-error" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <Show when={batches()?.length === 0}>
        <p class="page-status">No imports yet.</p>
      </Show>
      <Show when={(batches()?.length ?? 0) > 0}>
        <div class="table-scroll">
          <table class="table" aria-label="Imports">
            <thead>
              <tr>
                <th>Imported</th>
                <th>File</th>
                <th class="numeric">Rows read</th>
                <th class="numeric">Records stored</th>
                <th>Status</th>
                <th>
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={batches()}>
                {(batch) => (
                  <tr>
                    <td>{formatTime(batch.createdAt)}</td>
                    <td>{batch.fileName ?? '—'}</td>
                    <td class="numeric">{batch.rowsRead}</td>
                    <td class="numeric">{batch.rowsAccepted}</td>
                    <td>
                      <Show
                        when={batch.status === 'withdrawn'}
                        fallback="Stored"
                      >
                        <span class="tag tag-off">
                          withdrawn {formatTime(batch.withdrawnAt)}
                        </span>
                      </Show>
                    </td>
                    <td>
                      <Show when={batch.status === 'stored'}>
                        <a href={`/records?batch=${batch.id}`}>Records</a>{' '}
                        <Show when={canWriteRecords(me())}>
                          <button
                            type="button"
                            class="button-danger"
                            aria-label={withdrawLabel(batch)}
                            onClick={() => withdraw(batch)}
                          >
                            Withdraw
                          </button>
                        </Show>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  )
}

import { createSignal, Show } from 'solid-js'
import { me } from '../../auth/auth-state'
import { canWriteRecords } from './record-access'
import { emptyDraft } from './record-draft'
import { RecordForm } from './record-form'
import { submitRecord } from './records-api'
import { RecordsNav } from './records-nav'
import '../forms.css'
import './records.css'

/** A partner's analyst submits one anonymised record. */
export function NewRecordPage() {
  const [storedId, setStoredId] = createSignal<number | null>(null)

  return (
    <section class="page">
      <RecordsNav />
      <h1>Submit a record</h1>
      <p class="page-lead">
        One anonymised observation, coded by the record standard. Nothing that
        identifies a person is stored: exact ages become age bands and dates
        become months.
      </p>
      <Show
        when={canWriteRecords(me())}
        fallback={
          <p class="form-error" role="alert">
            Only analysts, coordinators and administrators submit records.
          </p>
        }
      >
        <Show
          when={storedId()}
          fallback={
            <RecordForm
              initial={emptyDraft()}
              submitLabel="Submit record"
              save={async (body) => {
                setStoredId(await submitRecord(body))
              }}
            />
          }
        >
          {(id) => (
            <div class="form-notice" role="status">
              <p>
                Record <strong data-testid="stored-record-id">{id()}</strong>{' '}
                was stored.
              </p>
              <p class="form-actions">
                <button type="button" onClick={() => setStoredId(null)}>
                  Submit another record
                </button>
                <a href={`/records?sort=-id`}>See the records</a>
              </p>
            </div>
          )}
        </Show>
      </Show>
    </section>
  )
}

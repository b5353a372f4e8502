import { useParams } from '@solidjs/router'
import { createResource, createSignal, Show } from 'solid-js'
import { describeError } from '../../api/api-client'
import { me } from '../../auth/auth-state'
import { canChangeRecord } from './record-access'
import { draftFromRecord } from './record-draft'
import { RecordForm } from './record-form'
import { editRecord, fetchRecord } from './records-api'
import { RecordsNav } from './records-nav'
import '../forms.css'
import './records.css'

/** A partner corrects one of its own records; it is checked again whole. */
export function EditRecordPage() {
  const params = useParams<{ id: string }>()
  const [record] = createResource(() => Number(params.id), fetchRecord)
  const [isSaved, setIsSaved] = createSignal(false)

  return (
    <section class="page">
      <RecordsNav />
      <h1>Edit record {params.id}</h1>
      <Show when={record.error}>
        <p class="form-error" role="alert">
          {describeError(record.error)}
        </p>
      </Show>
      <Show when={record()}>
        {(loaded) => (
          <Show
            when={canChangeRecord(me(), loaded())}
            fallback={
              <p class="form-error" role="alert">
                Only the partner that submitted this record can change it.
              </p>
            }
          >
            <Show when={isSaved()}>
              <p class="form-notice" role="status">
                Record {loaded().id} was saved.{' '}
                <a href="/records">Back to the records</a>
              </p>
            </Show>
            <RecordForm
              initial={draftFromRecord(loaded())}
              submitLabel="Save changes"
              save={async (body) => {
                setIsSaved(false)
                await editRecord(loaded().id, body)
                setIsSaved(true)
              }}
            />
          </Show>
        )}
      </Show>
    </section>
  )
}

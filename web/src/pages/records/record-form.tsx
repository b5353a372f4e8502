import { createSignal, For, Show } from 'solid-js'
import { createStore } from 'solid-js/store'
import { describeError } from '../../api/api-client'
import { ErrorLine } from '../../components/form-messages'
import { ExploitationFields } from './exploitation-fields'
import { PersonFields } from './person-fields'
import {
  bodyFromDraft,
  type PlacedIssues,
  placeIssues,
  type RecordDraft,
} from './record-draft'
import type { FormFieldName } from './record-labels'
import { issuesOf, type RecordBody } from './records-api'
import { RouteFields } from './route-fields'
import { SourceFields } from './source-fields'
import { WhatWhenFields } from './what-when-fields'

export interface RecordFormProps {
  initial: RecordDraft
  submitLabel: string
  /** Sends the record; a refusal is thrown as the API's error. */
  save: (body: RecordBody) => Promise<void>
}

/**
 * The record form, in the groups of the standard. A refusal is shown next
 * to each field it concerns, with the server's own words; the first field
 * in error takes the focus so that keyboard users land on it.
 */
export function RecordForm(props: RecordFormProps) {
  const [draft, setDraft] = createStore<RecordDraft>(
    structuredClone(props.initial),
  )
  const [placed, setPlaced] = createSignal<PlacedIssues | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  const [isSending, setIsSending] = createSignal(false)
  let form!: HTMLFormElement
  const errorsFor = (field: FormFieldName) => placed()?.byField[field]
  const issueCount = () =>
    Object.values(placed()?.byField ?? {}).flat().length +
    (placed()?.unplaced.length ?? 0)

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    if (isSending()) return
    setIsSending(true)
    setPlaced(null)
    setError(null)
    try {
      await props.save(bodyFromDraft(draft))
    } catch (caught) {
      const issues = issuesOf(caught)
      if (issues.length > 0) {
        setPlaced(placeIssues(issues))
        queueMicrotask(focusFirstInvalid)
      } else {
        setError(describeError(caught))
      }
    } finally {
      setIsSending(false)
    }
  }
  const focusFirstInvalid = () =>
    form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()

  return (
    <form
      ref={form}
      class="record-form"
      onSubmit={submit}
      aria-label="Record"
      novalidate
    >
      <Show when={placed()}>
        {(shown) => (
          <div class="form-alert" role="alert">
            <p>
              The record was refused and nothing was stored: {issueCount()}{' '}
              problem(s), shown next to their fields.
            </p>
            <Show when={shown().unplaced.length > 0}>
              <ul>
                <For each={shown().unplaced}>
                  {(message) => <li>{message}</li>}
                </For>
              </ul>
            </Show>
          </div>
        )}
      </Show>
      <div class="record-form-groups">
        <WhatWhenFields
          draft={draft}
          setDraft={setDraft}
          errorsFor={errorsFor}
        />
        <PersonFields draft={draft} setDraft={setDraft} errorsFor={errorsFor} />
        <RouteFields draft={draft} setDraft={setDraft} errorsFor={errorsFor} />
        <ExploitationFields
          draft={draft}
          setDraft={setDraft}
          errorsFor={errorsFor}
        />
        <SourceFields draft={draft} setDraft={setDraft} errorsFor={errorsFor} />
      </div>
      <ErrorLine error={error()} />
      <div class="form-actions">
        <button type="submit" disabled={isSending()}>
          {isSending() ? 'Sending…' : props.submitLabel}
        </button>
      </div>
    </form>
  )
}

import { createSignal, Show } from 'solid-js'
import { describeError } from '../../api/api-client'
import { me } from '../../auth/auth-state'
import { ErrorLine } from '../../components/form-messages'
import { CSV_LIST_COLUMNS, CSV_TEMPLATE_URL } from './csv-template'
import {
  fileRefusalLines,
  ImportReportView,
  type RefusalLine,
  RefusalTable,
} from './import-report-view'
import { canWriteRecords } from './record-access'
import { type ImportAnswer, importCsv, issuesOf } from './records-api'
import { RecordsNav } from './records-nav'
import '../forms.css'
import './records.css'

interface ChosenFile {
  file: File
  /** Made when the file is chosen: a retry of the same file stores once. */
  idempotencyKey: string
}

/** Check a CSV file of records, then import it as one batch. */
export function ImportPage() {
  const [chosen, setChosen] = createSignal<ChosenFile | null>(null)
  const [isPartial, setIsPartial] = createSignal(false)
  const [isSending, setIsSending] = createSignal(false)
  const [answer, setAnswer] = createSignal<ImportAnswer | null>(null)
  const [fileProblems, setFileProblems] = createSignal<RefusalLine[]>([])
  const [error, setError] = createSignal<string | null>(null)

  const choose = (file: File | undefined) => {
    setAnswer(null)
    setFileProblems([])
    setError(null)
    setChosen(file ? { file, idempotencyKey: crypto.randomUUID() } : null)
  }
  const send = async (isDryRun: boolean) => {
    const current = chosen()
    if (!current || isSending()) return
    setIsSending(true)
    setAnswer(null)
    setFileProblems([])
    setError(null)
    try {
      setAnswer(
        await importCsv({ ...current, isDryRun, isPartial: isPartial() }),
      )
    } catch (caught) {
      const issues = issuesOf(caught)
      setFileProblems(fileRefusalLines(issues))
      setError(describeError(caught))
    } finally {
      setIsSending(false)
    }
  }

  return (
    <section class="page">
      <RecordsNav />
      <h1>Import records from a CSV file</h1>
      <p class="page-lead">
        One record a row, with the record standard's field names as the header
        row (an exact <code>age</code> column is accepted too). Cells of{' '}
        {CSV_LIST_COLUMNS} hold several values separated by <code>|</code>.{' '}
        <a href={CSV_TEMPLATE_URL} download="records-template.csv">
          Download the CSV template
        </a>
        .
      </p>
      <Show
        when={canWriteRecords(me())}
        fallback={
          <p class="form-error" role="alert">
            Only analysts, coordinators and administrators import records.
          </p>
        }
      >
        <form
          class="form"
          aria-label="Import a CSV file"
          onSubmit={(event) => {
            event.preventDefault()
            void send(false)
          }}
        >
          <label>
            CSV file
            <input
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => choose(e.currentTarget.files?.[0])}
            />
          </label>
          <label class="form-check">
            <input
              type="checkbox"
              checked={isPartial()}
              aria-describedby="import-partial-hint"
              onChange={(e) => setIsPartial(e.currentTarget.checked)}
            />
            Store the accepted rows even if others are refused
          </label>
          <p class="field-hint" id="import-partial-hint">
            By default a file is all or nothing: one refused row and nothing is
            stored.
          </p>
          <div class="form-actions">
            <button
              type="button"
              class="button-quiet"
              disabled={!chosen() || isSending()}
              onClick={() => send(true)}
            >
              Check file
            </button>
            <button type="submit" disabled={!chosen() || isSending()}>
              Import
            </button>
            <Show when={isSending()}>
              <span role="status">Sending…</span>
            </Show>
          </div>
        </form>
        <ErrorLine error={error()} />
        <Show when={fileProblems().length > 0}>
          <RefusalTable lines={fileProblems()} />
        </Show>
        <Show when={answer()}>
          {(shown) => (
            <>
              <ImportReportView
                fileName={chosen()?.file.name ?? 'the file'}
                report={shown().report}
                wasReplayed={shown().wasReplayed}
              />
              <Show when={shown().report.isStored}>
                <p>
                  <a href="/records/batches">See our imports</a>
                  {' · '}
                  <a href={`/records?batch=${shown().report.batchId}`}>
                    See this import's records
                  </a>
                </p>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </section>
  )
}

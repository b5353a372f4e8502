import { For, Show } from 'solid-js'
import type { ImportReport, InputIssue } from './records-api'

/** One line of the refused-rows table. */
export interface RefusalLine {
  line: number | null
  path: string
  code: string
  message: string
}

export function refusalLines(report: ImportReport): RefusalLine[] {
  return report.refusedRows.flatMap((row) =>
    row.issues.map((issue) => ({ line: row.line, ...issue })),
  )
}

/** Problems with the file as a whole, such as its header row. */
export function fileRefusalLines(issues: readonly InputIssue[]): RefusalLine[] {
  return issues.map((issue) => ({
    line: issue.index ?? null,
    path: issue.path,
    code: issue.code,
    message: issue.message,
  }))
}

/** What a check or an import found: the counts and every refused row. */
export function ImportReportView(props: {
  fileName: string
  report: ImportReport
  wasReplayed?: boolean
}) {
  const outcome = () => {
    const { report } = props
    if (report.isDryRun) {
      return report.rowsRefused === 0
        ? 'The file passes every rule. Nothing was stored yet: choose Import to store it.'
        : 'Checked only: nothing was stored. Correct the rows below and check again.'
    }
    if (report.isStored) {
      return `Stored as one import of ${report.rowsAccepted} record(s).`
    }

    return 'Nothing was stored: the import is all or nothing and some rows were refused.'
  }

  return (
    <section class="import-report" aria-labelledby="import-report-title">
      <h2 id="import-report-title">
        {props.report.isDryRun ? 'Check' : 'Import'} of {props.fileName}
      </h2>
      <dl class="report-counts">
        <div>
          <dt>Rows read</dt>
          <dd data-testid="rows-read">{props.report.rowsRead}</dd>
        </div>
        <div>
          <dt>Accepted</dt>
          <dd data-testid="rows-accepted">{props.report.rowsAccepted}</dd>
        </div>
        <div>
          <dt>Refused</dt>
          <dd data-testid="rows-refused">{props.report.rowsRefused}</dd>
        </div>
      </dl>
      <p role="status" class="import-outcome">
        {outcome()}
        <Show when={props.wasReplayed}>
          {' '}
          This file had already been imported; it was not stored twice.
        </Show>
      </p>
      <Show when={props.report.refusedRows.length > 0}>
        <RefusalTable lines={refusalLines(props.report)} />
        <Show when={props.report.hasMoreRefusedRows}>
          <p class="field-hint">
            Only the first {props.report.refusedRows.length} refused rows are
            listed; {props.report.rowsRefused} were refused in all.
          </p>
        </Show>
      </Show>
    </section>
  )
}

export function RefusalTable(props: { lines: readonly RefusalLine[] }) {
  return (
    <div class="table-scroll">
      <table class="table" aria-label="Refused rows">
        <thead>
          <tr>
            <th class="numeric">Line</th>
            <th>Field</th>
            <th>Rule</th>
            <th>Message</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.lines}>
            {(line) => (
              <tr>
                <td class="numeric">{line.line ?? '—'}</td>
                <td>
                  <code>{line.path || '—'}</code>
                </td>
                <td>
                  <code>{line.code}</code>
                </td>
                <td>{line.message}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  )
}

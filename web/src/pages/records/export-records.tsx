import { createSignal, For, Show } from 'solid-js'
import { describeError } from '../../api/api-client'
import { ErrorLine } from '../../components/form-messages'
import { codeLabel, countryName } from './record-labels'
import { type DisclosureRisk, exportRecords } from './records-api'

/**
 * "Export CSV": the server makes the file from the same filters as the
 * list, or refuses when some group would be small enough to single out
 * people; the refusal lists those groups in words.
 */
export function ExportRecords(props: { filters: () => URLSearchParams }) {
  const [isExporting, setIsExporting] = createSignal(false)
  const [risk, setRisk] = createSignal<DisclosureRisk | null>(null)
  const [error, setError] = createSignal<string | null>(null)

  const run = async () => {
    setIsExporting(true)
    setRisk(null)
    setError(null)
    try {
      const outcome = await exportRecords(props.filters())
      if (outcome.kind === 'refused') setRisk(outcome.risk)
      else download(outcome.blob, 'records.csv')
    } catch (caught) {
      setError(describeError(caught))
    } finally {
      setIsExporting(false)
    }
  }

  return (
    <div class="export-records">
      <button type="button" disabled={isExporting()} onClick={run}>
        {isExporting() ? 'Exporting…' : 'Export CSV'}
      </button>
      <ErrorLine error={error()} />
      <Show when={risk()}>
        {(shown) => <DisclosureRiskNotice risk={shown()} />}
      </Show>
    </div>
  )
}

function DisclosureRiskNotice(props: { risk: DisclosureRisk }) {
  const shownOrMissing = (value: string | null, show = codeLabel) =>
    value === null ? 'not given' : show(value)

  return (
    <div class="form-alert" role="alert" data-testid="disclosure-risk">
      <p>
        <strong>The export was refused to protect the people counted.</strong>{' '}
        In an export every group of records sharing the same gender, age band,
        citizenship, judicial district and month must hold at least{' '}
        {props.risk.threshold} records; otherwise a row could point to one
        person. These groups fall short with the current filters. Change the
        filters (a wider period or fewer other filters often helps) and try
        again.
      </p>
      <div class="small-combinations">
        <table class="table" aria-label="Groups below the export threshold">
          <thead>
            <tr>
              <th>Month</th>
              <th>Gender</th>
              <th>Age band</th>
              <th>Citizenship</th>
              <th>Judicial district</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.risk.combinations}>
              {(group) => (
                <tr>
                  <td>{group.month}</td>
                  <td>{shownOrMissing(group.gender)}</td>
                  <td>{shownOrMissing(group.ageBand, (band) => band)}</td>
                  <td>{shownOrMissing(group.citizenship, countryName)}</td>
                  <td>{shownOrMissing(group.area)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={props.risk.hasMoreCombinations}>
        <p>More groups fall short than are listed here.</p>
      </Show>
    </div>
  )
}

// The file arrived through the server's own checks; the link only hands
// it to the browser's download, from memory, without a second request.
function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  URL.revokeObjectURL(url)
}

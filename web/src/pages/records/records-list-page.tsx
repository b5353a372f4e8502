import { useSearchParams } from '@solidjs/router'
import {
  createEffect,
  createResource,
  createSignal,
  For,
  on,
  Show,
} from 'solid-js'
import type { RecordSort } from '../../../../server/records/record-list'
import { describeError } from '../../api/api-client'
import { fetchPartners } from '../../api/directory-api'
import { ErrorLine, NoticeLine } from '../../components/form-messages'
import { ExportRecords } from './export-records'
import { RecordFiltersForm } from './record-filters-form'
import { FILTER_NAMES, type FilterName, filterQuery } from './record-query'
import {
  fetchBatches,
  fetchRecordPage,
  type StoredRecord,
  withdrawRecord,
} from './records-api'
import { RecordsNav } from './records-nav'
import { RecordsTable } from './records-table'
import '../forms.css'
import './records.css'

const SORT_LABELS: Record<RecordSort, string> = {
  '-id': 'Newest first',
  id: 'Oldest first',
  '-observedOn': 'Latest observed first',
  observedOn: 'Earliest observed first',
  '-submittedAt': 'Latest submitted first',
  submittedAt: 'Earliest submitted first',
}
const PAGE_SIZE = 50

/** The shared dataset: filter, sort, page through, export. */
export function RecordsListPage() {
  const [params, setParams] = useSearchParams()
  const [partners] = createResource(fetchPartners)
  const [batches] = createResource(fetchBatches)
  const [records, setRecords] = createSignal<StoredRecord[]>([])
  const [nextCursor, setNextCursor] = createSignal<string | null>(null)
  const [isLoading, setIsLoading] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  const [notice, setNotice] = createSignal<string | null>(null)
  const sort = () => (params.sort as RecordSort | undefined) ?? '-id'
  const filters = () => filterQuery(params)
  const listQuery = () => {
    const query = filterQuery(params)
    query.set('sort', sort())
    query.set('limit', String(PAGE_SIZE))
    return query
  }
  // Answers to an earlier query are dropped once the filters changed.
  let generation = 0

  const load = async (cursor: string | null) => {
    const current = ++generation
    const query = listQuery()
    if (cursor) query.set('cursor', cursor)
    setIsLoading(true)
    setError(null)
    try {
      const page = await fetchRecordPage(query)
      if (current !== generation) return
      setRecords((shown) =>
        cursor ? [...shown, ...page.records] : page.records,
      )
      setNextCursor(page.nextCursor)
    } catch (caught) {
      if (current === generation) setError(describeError(caught))
    } finally {
      if (current === generation) setIsLoading(false)
    }
  }
  createEffect(
    on(
      () => listQuery().toString(),
      () => load(null),
    ),
  )

  const setFilter = (name: FilterName, value: string) =>
    setParams({ [name]: value || undefined })
  const clear = () =>
    setParams(Object.fromEntries(FILTER_NAMES.map((n) => [n, undefined])))
  const partnerName = (id: string) =>
    partners()?.find((partner) => partner.id === id)?.name ?? '—'
  const withdraw = async (record: StoredRecord) => {
    if (!window.confirm(`Withdraw record ${record.id}? It will be removed.`)) {
      return
    }
    setNotice(null)
    try {
      await withdrawRecord(record.id)
      setRecords((shown) => shown.filter((r) => r.id !== record.id))
      setNotice(`Record ${record.id} was withdrawn.`)
    } catch (caught) {
      setError(describeError(caught))
    }
  }

  return (
    <section class="page page-wide">
      <RecordsNav />
      <h1>Records</h1>
      <p class="page-lead">
        Every partner's anonymised records. Your partner's own can be edited or
        withdrawn.
      </p>
      <RecordFiltersForm
        params={params}
        setFilter={setFilter}
        clear={clear}
        partners={partners() ?? []}
        batches={batches() ?? []}
      />
      <div class="form-actions list-actions">
        <label>
          Sort{' '}
          <select
            class="sort-select"
            value={sort()}
            onChange={(e) => setParams({ sort: e.currentTarget.value })}
          >
            <For each={Object.entries(SORT_LABELS)}>
              {([value, label]) => (
                <option value={value} selected={value === sort()}>
                  {label}
                </option>
              )}
            </For>
          </select>
        </label>
        <ExportRecords filters={filters} />
      </div>
      <NoticeLine notice={notice()} />
      <ErrorLine error={error()} />
      <Show
        when={records().length > 0 || isLoading()}
        fallback={<p class="page-status">No record matches these filters.</p>}
      >
        <RecordsTable
          records={records()}
          partnerName={partnerName}
          withdraw={withdraw}
        />
      </Show>
      <p class="list-footer" aria-live="polite">
        <Show when={isLoading()} fallback={`${records().length} shown`}>
          Loading…
        </Show>{' '}
        <Show when={nextCursor() && !isLoading()}>
          <button
            type="button"
            class="button-quiet"
            onClick={() => load(nextCursor())}
          >
            Load more
          </button>
        </Show>
      </p>
    </section>
  )
}

import { For } from 'solid-js'
import {
  AGE_BANDS,
  AREAS,
  EXPLOITATION_TYPES,
  GENDERS,
  PHENOMENA,
} from '../../../../server/records/record-fields'
import type { PartnerView } from '../../api/types'
import { MultiSelect } from '../../components/multi-select'
import { CountrySelect } from './country-select'
import { codeLabel, FIELD_LABELS } from './record-labels'
import {
  type FilterName,
  filterList,
  filterValue,
  type SearchParams,
} from './record-query'
import type { ImportBatch } from './records-api'

export interface RecordFiltersFormProps {
  params: SearchParams
  /** Sets one filter; an empty value removes it. */
  setFilter: (name: FilterName, value: string) => void
  clear: () => void
  partners: readonly PartnerView[]
  batches: readonly ImportBatch[]
}

const LIST_FILTERS = [
  ['phenomenon', PHENOMENA],
  ['exploitation', EXPLOITATION_TYPES],
  ['gender', GENDERS],
  ['ageBand', AGE_BANDS],
  ['area', AREAS],
] as const

const COUNTRY_FILTERS = [
  'citizenship',
  'origin',
  'transit',
  'destination',
] as const

/**
 * The shared filters. Each change applies at once and is kept in the
 * page's address, so the list, the export and a shared link agree.
 */
export function RecordFiltersForm(props: RecordFiltersFormProps) {
  const batchLabel = (batch: ImportBatch) =>
    `${batch.fileName ?? 'import'}, ${batch.createdAt.slice(0, 10)}`

  return (
    <form
      class="filters"
      aria-label="Filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <label>
        From month
        <input
          type="month"
          value={filterValue(props.params, 'from')}
          onChange={(e) => props.setFilter('from', e.currentTarget.value)}
        />
      </label>
      <label>
        To month
        <input
          type="month"
          value={filterValue(props.params, 'to')}
          onChange={(e) => props.setFilter('to', e.currentTarget.value)}
        />
      </label>
      <For each={LIST_FILTERS}>
        {([name, options]) => (
          <MultiSelect
            id={`filter-${name}`}
            label={FIELD_LABELS[name]}
            options={options}
            labelOf={codeLabel}
            value={filterList(props.params, name)}
            onChange={(values) => props.setFilter(name, values.join(','))}
          />
        )}
      </For>
      <For each={COUNTRY_FILTERS}>
        {(name) => (
          <label for={`filter-${name}`}>
            {name === 'transit' ? 'Transit through' : FIELD_LABELS[name]}
            <CountrySelect
              id={`filter-${name}`}
              value={filterValue(props.params, name)}
              emptyLabel="Any"
              onChange={(code) => props.setFilter(name, code)}
            />
          </label>
        )}
      </For>
      <label>
        Partner
        <select
          value={filterValue(props.params, 'partner')}
          onChange={(e) => props.setFilter('partner', e.currentTarget.value)}
        >
          <option value="">Any</option>
          <For each={props.partners}>
            {(partner) => (
              <option
                value={partner.id}
                selected={partner.id === filterValue(props.params, 'partner')}
              >
                {partner.name}
              </option>
            )}
          </For>
        </select>
      </label>
      <label>
        Our import
        <select
          value={filterValue(props.params, 'batch')}
          onChange={(e) => props.setFilter('batch', e.currentTarget.value)}
        >
          <option value="">Any</option>
          <For each={props.batches.filter((b) => b.status === 'stored')}>
            {(batch) => (
              <option
                value={batch.id}
                selected={batch.id === filterValue(props.params, 'batch')}
              >
                {batchLabel(batch)}
              </option>
            )}
          </For>
        </select>
      </label>
      <button type="button" class="button-quiet" onClick={() => props.clear()}>
        Clear filters
      </button>
    </form>
  )
}

import { type Accessor, For } from 'solid-js'
import { COUNTRY_CODES } from '../../../server/records/record-fields'
import { countryName } from '../map/country-codes'
import {
  CODED_FILTERS,
  COUNTRY_FILTERS,
  type FilterName,
  type FilterValues,
  humanise,
} from './filters'

const COUNTRIES = [...COUNTRY_CODES]
  .map((code) => ({ code, name: countryName(code) }))
  .sort((a, b) => a.name.localeCompare(b.name))

interface FiltersBarProps {
  values: Accessor<FilterValues>
  onChange: (name: FilterName, value: string | undefined) => void
  isReadOnly?: boolean
  /** Distinguishes the ids of two bars on one page. */
  idPrefix: string
}

/** The filters every analysis shares: period, count mode, coded fields. */
export function FiltersBar(props: FiltersBarProps) {
  const id = (name: string) => `${props.idPrefix}-${name}`
  const set =
    (name: FilterName) => (event: { currentTarget: { value: string } }) =>
      props.onChange(name, event.currentTarget.value || undefined)

  return (
    <fieldset class="filters" disabled={props.isReadOnly}>
      <legend>Filters</legend>
      <div class="filter">
        <label for={id('from')}>From month</label>
        <input
          id={id('from')}
          type="month"
          value={props.values().from ?? ''}
          onChange={set('from')}
        />
      </div>
      <div class="filter">
        <label for={id('to')}>To month</label>
        <input
          id={id('to')}
          type="month"
          value={props.values().to ?? ''}
          onChange={set('to')}
        />
      </div>
      <div class="filter">
        <label for={id('count')}>Count</label>
        <select
          id={id('count')}
          value={props.values().count ?? 'persons'}
          onChange={set('count')}
        >
          <option value="persons">Persons in records</option>
          <option value="distinct">Distinct persons (linked)</option>
        </select>
      </div>
      <For each={CODED_FILTERS}>
        {(filter) => (
          <div class="filter">
            <label for={id(filter.name)}>{filter.label}</label>
            <select
              id={id(filter.name)}
              value={props.values()[filter.name] ?? ''}
              onChange={set(filter.name)}
            >
              <option value="">All</option>
              <For each={filter.values}>
                {(value) => <option value={value}>{humanise(value)}</option>}
              </For>
            </select>
          </div>
        )}
      </For>
      <For each={COUNTRY_FILTERS}>
        {(filter) => (
          <div class="filter">
            <label for={id(filter.name)}>{filter.label}</label>
            <select
              id={id(filter.name)}
              value={props.values()[filter.name] ?? ''}
              onChange={set(filter.name)}
            >
              <option value="">All</option>
              <For each={COUNTRIES}>
                {(country) => (
                  <option value={country.code}>{country.name}</option>
                )}
              </For>
            </select>
          </div>
        )}
      </For>
    </fieldset>
  )
}

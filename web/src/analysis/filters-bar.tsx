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

interface Choice {
  value: string
  label: string
}

const COUNTRIES: Choice[] = [...COUNTRY_CODES]
  .map((code) => ({ value: code, label: countryName(code) }))
  .sort((a, b) => a.label.localeCompare(b.label))

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
          <ChoiceFilter
            id={id(filter.name)}
            label={filter.label}
            value={props.values()[filter.name]}
            choices={filter.values.map((value) => ({
              value,
              label: humanise(value),
            }))}
            onChange={set(filter.name)}
          />
        )}
      </For>
      <For each={COUNTRY_FILTERS}>
        {(filter) => (
          <ChoiceFilter
            id={id(filter.name)}
            label={filter.label}
            value={props.values()[filter.name]}
            choices={COUNTRIES}
            onChange={set(filter.name)}
          />
        )}
      </For>
    </fieldset>
  )
}

/** One coded filter: "All" or one of its values. */
function ChoiceFilter(props: {
  id: string
  label: string
  value: string | undefined
  choices: readonly Choice[]
  onChange: (event: { currentTarget: { value: string } }) => void
}) {
  return (
    <div class="filter">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value ?? ''} onChange={props.onChange}>
        <option value="">All</option>
        <For each={props.choices}>
          {(choice) => <option value={choice.value}>{choice.label}</option>}
        </For>
      </select>
    </div>
  )
}

import {
  type Accessor,
  createEffect,
  createResource,
  For,
  Show,
} from 'solid-js'
import type { AnalysisCard } from '../../../server/boards/board-document'
import {
  CHOROPLETH_COLOURS,
  quantileBreaks,
  showChoropleth,
} from '../map/choropleth-layer'
import { countryName } from '../map/country-codes'
import type { maplibregl } from '../map/maplibre'
import { fetchIndicatorMap, type IndicatorMapView } from './analysis-api'
import { queryText } from './board-cards'
import { formatCount, WithheldNote } from './counts'
import type { FilterValues } from './filters'
import { useMapOverlay } from './map-overlay'
import { ResourceResult } from './resource-result'

const ROLES = [
  { value: 'citizenship', label: 'Citizenship' },
  { value: 'origin', label: 'Origin' },
  { value: 'transit', label: 'Transit' },
  { value: 'destination', label: 'Destination' },
]
const AREAS_LISTED = 12

interface IndicatorMapCardProps {
  card: AnalysisCard
  filters: Accessor<FilterValues>
  map: Accessor<maplibregl.Map | null>
  isOnMap: Accessor<boolean>
  isReadOnly: boolean
  onQuery: (changes: Record<string, unknown>) => void
}

type MapArea = IndicatorMapView['areas'][number]

/**
 * A board card: persons per country in one role, with the change against
 * the previous period of equal length, as a choropleth on the board's map.
 */
export function IndicatorMapCard(props: IndicatorMapCardProps) {
  const role = () => queryText(props.card, 'role', 'citizenship')
  const [result] = createResource(
    () => ({ filters: props.filters(), role: role() }),
    ({ filters, role }) => fetchIndicatorMap(filters, role),
  )
  const countries = () =>
    (result.latest?.areas ?? []).filter((area) => area.code !== 'none')
  const breaks = () =>
    quantileBreaks(countries().flatMap((a) => a.current.persons ?? []))
  const overlay = useMapOverlay({
    map: props.map,
    isShown: props.isOnMap,
    create: (map, shapes) => showChoropleth(map, shapes, 'country-border'),
  })
  createEffect(() => {
    overlay()?.update(
      countries().map((area) => ({ code: area.code, ...area.current })),
      breaks(),
    )
  })
  const listed = () =>
    [...countries()]
      .sort((a, b) => (b.current.persons ?? -1) - (a.current.persons ?? -1))
      .slice(0, AREAS_LISTED)
  const id = `card-${props.card.id}-role`

  return (
    <div class="card-body">
      <div class="card-controls">
        <label for={id}>Countries of</label>
        <select
          id={id}
          value={role()}
          disabled={props.isReadOnly}
          onChange={(event) =>
            props.onQuery({ role: event.currentTarget.value })
          }
        >
          <For each={ROLES}>
            {(option) => <option value={option.value}>{option.label}</option>}
          </For>
        </select>
      </div>
      <ResourceResult resource={result} loadingText="Counting…">
        {(latest) => (
          <>
            <p class="card-summary">
              {latest().period.from} to {latest().period.to}, against{' '}
              {latest().previousPeriod.from} to {latest().previousPeriod.to}.
            </p>
            <Legend breaks={breaks()} />
            <AreaTable areas={listed()} />
            <Show
              when={latest().areas.some(
                (area) =>
                  area.current.isSuppressed || area.previous.isSuppressed,
              )}
            >
              <WithheldNote threshold={latest().disclosureThreshold} />
            </Show>
          </>
        )}
      </ResourceResult>
    </div>
  )
}

function Legend(props: { breaks: number[] }) {
  const labels = () =>
    CHOROPLETH_COLOURS.slice(0, props.breaks.length + 1).map((colour, i) => {
      const low = i === 0 ? null : (props.breaks[i - 1] ?? 0) + 1
      const high = props.breaks[i]
      const text =
        high === undefined
          ? `${low ?? 0} or more`
          : low === null
            ? `up to ${high}`
            : `${low}–${high}`
      return { colour, text }
    })

  return (
    <ul class="legend" aria-label="Map legend, persons">
      <For each={labels()}>
        {(item) => (
          <li>
            <span class="legend-swatch" style={{ background: item.colour }} />
            {item.text}
          </li>
        )}
      </For>
      <li>
        <span class="legend-swatch legend-withheld" />
        withheld
      </li>
    </ul>
  )
}

function AreaTable(props: { areas: MapArea[] }) {
  return (
    <table class="table">
      <caption class="visually-hidden">Largest counts by country</caption>
      <thead>
        <tr>
          <th scope="col">Country</th>
          <th scope="col">Persons</th>
          <th scope="col">Previous</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.areas}>
          {(area) => (
            <tr>
              <th scope="row">{countryName(area.code)}</th>
              <td>{formatCount(area.current)}</td>
              <td>{formatCount(area.previous)}</td>
              <td>{formatChange(area)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  )
}

function formatChange(area: MapArea): string {
  if (area.change === null) return '—'
  const sign = area.change > 0 ? '+' : ''
  const ratio =
    area.changeRatio === null
      ? ''
      : ` (${sign}${Math.round((area.changeRatio - 1) * 100)}%)`

  return `${sign}${area.change.toLocaleString()}${ratio}`
}

import {
  type Accessor,
  createEffect,
  createResource,
  For,
  Show,
} from 'solid-js'
import { countryName } from '../map/country-codes'
import { showFlows } from '../map/flow-layer'
import type { maplibregl } from '../map/maplibre'
import { fetchFlows } from './analysis-api'
import { formatCount, WithheldNote } from './counts'
import type { FilterValues } from './filters'
import { useMapOverlay } from './map-overlay'
import { ResourceResult } from './resource-result'

const LEGS_LISTED = 12

interface FlowCardProps {
  filters: Accessor<FilterValues>
  map: Accessor<maplibregl.Map | null>
  isOnMap: Accessor<boolean>
}

/**
 * A board card: weighted legs origin → transit → destination, drawn on
 * the board's map while the card is shown there, and listed largest first.
 */
export function FlowCard(props: FlowCardProps) {
  const [flows] = createResource(props.filters, fetchFlows)
  const overlay = useMapOverlay({
    map: props.map,
    isShown: props.isOnMap,
    create: (map, shapes) => showFlows(map, shapes, 'annotation-area-fill'),
  })
  createEffect(() => {
    const legs = flows.latest?.legs
    if (legs) overlay()?.update(legs)
  })
  const listed = () =>
    [...(flows.latest?.legs ?? [])]
      .sort((a, b) => (b.persons ?? -1) - (a.persons ?? -1))
      .slice(0, LEGS_LISTED)

  return (
    <div class="card-body">
      <ResourceResult resource={flows} loadingText="Counting…">
        {(latest) => (
          <>
            <p class="card-summary">
              {formatCount(latest().total)} persons on known routes,{' '}
              {latest().period.from} to {latest().period.to}.
            </p>
            <table class="table">
              <caption class="visually-hidden">
                Largest flow legs, persons
              </caption>
              <thead>
                <tr>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                  <th scope="col">Persons</th>
                </tr>
              </thead>
              <tbody>
                <For each={listed()}>
                  {(leg) => (
                    <tr>
                      <td>{countryName(leg.from)}</td>
                      <td>{countryName(leg.to)}</td>
                      <td>{formatCount(leg)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={latest().legs.some((leg) => leg.isSuppressed)}>
              <WithheldNote threshold={latest().disclosureThreshold} />
            </Show>
          </>
        )}
      </ResourceResult>
    </div>
  )
}

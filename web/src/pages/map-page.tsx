import { createEffect, createResource, createSignal, Show } from 'solid-js'
import { fetchFlows } from '../analysis/analysis-api'
import { formatCount } from '../analysis/counts'
import type { FilterValues } from '../analysis/filters'
import { useMapOverlay } from '../analysis/map-overlay'
import { describeError } from '../api/api-client'
import { showFlows } from '../map/flow-layer'
import type { maplibregl } from '../map/maplibre'
import { WorldMap } from '../map/world-map'

type Phenomenon = '' | 'trafficking' | 'smuggling'

/**
 * The shared map of flows: every partner's records, as weighted routes
 * from origin through transit to destination, under disclosure control.
 */
export function MapPage() {
  const [map, setMap] = createSignal<maplibregl.Map | null>(null)
  const [phenomenon, setPhenomenon] = createSignal<Phenomenon>('')
  const filters = (): FilterValues =>
    phenomenon() ? { phenomenon: phenomenon() } : {}
  const [flows] = createResource(filters, fetchFlows)
  const overlay = useMapOverlay({
    map,
    isShown: () => true,
    create: (shown, shapes) => showFlows(shown, shapes),
  })
  createEffect(() => {
    const legs = flows.latest?.legs
    if (legs) overlay()?.update(legs)
  })

  return (
    <>
      <WorldMap
        label="Map of flows"
        onReady={setMap}
        onRemove={() => setMap(null)}
      />
      <aside class="map-flows-panel" aria-label="Flows shown">
        <label>
          Phenomenon{' '}
          <select
            value={phenomenon()}
            onChange={(event) =>
              setPhenomenon(event.currentTarget.value as Phenomenon)
            }
          >
            <option value="">Trafficking and smuggling</option>
            <option value="trafficking">Trafficking</option>
            <option value="smuggling">Smuggling</option>
          </select>
        </label>
        <Show when={flows.error}>
          <p role="alert">{describeError(flows.error)}</p>
        </Show>
        <Show when={flows.latest}>
          {(latest) => (
            <p data-testid="flows-summary">
              {formatCount(latest().total)} persons on known routes,{' '}
              {latest().period.from} to {latest().period.to}. Wider arcs carry
              more persons; dashed ones are withheld.
            </p>
          )}
        </Show>
      </aside>
    </>
  )
}

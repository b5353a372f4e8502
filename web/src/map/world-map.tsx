import { createSignal, onCleanup, onMount } from 'solid-js'
import { loadCountries } from './countries'
import { basemapStyle, COUNTRY_FILL_LAYER } from './map-style'
import { maplibregl } from './maplibre'

type MapState = 'loading' | 'ready' | 'failed'

export interface WorldMapProps {
  /** Names the map for screen readers; "Map of the world" by default. */
  label?: string
  /**
   * Called once the basemap has loaded, for pages that draw on it. The map
   * is removed when the component goes, so listeners added here must be
   * removed by their owner's cleanup before then.
   */
  onReady?: (map: maplibregl.Map) => void
  /** Called just before the map is removed. */
  onRemove?: () => void
}

/**
 * A full-size map of the world. Its container reports, for people and for
 * tests alike, whether it is ready and how many countries it has drawn.
 */
export function WorldMap(props: WorldMapProps) {
  let container!: HTMLElement
  const [state, setState] = createSignal<MapState>('loading')
  const [countriesDrawn, setCountriesDrawn] = createSignal(0)
  let map: maplibregl.Map | null = null

  const countDrawnCountries = () => {
    if (!map) return
    const drawn = map.queryRenderedFeatures({ layers: [COUNTRY_FILL_LAYER] })
    setCountriesDrawn(new Set(drawn.map((country) => country.id)).size)
  }

  onMount(async () => {
    try {
      const countries = await loadCountries()
      map = new maplibregl.Map({
        container,
        style: basemapStyle(countries),
        center: [12, 38],
        zoom: 2.2,
        attributionControl: { compact: true },
      })
      map.addControl(new maplibregl.NavigationControl({ showCompass: false }))
      map.on('idle', countDrawnCountries)
      map.once('load', () => {
        setState('ready')
        if (map) props.onReady?.(map)
      })
    } catch {
      // The page says the map failed; there is nothing else to fall back to.
      setState('failed')
    }
  })

  onCleanup(() => {
    if (map && state() === 'ready') props.onRemove?.()
    map?.off('idle', countDrawnCountries)
    map?.remove()
    map = null
  })

  return (
    <div class="world-map">
      <section
        ref={container}
        class="world-map-canvas"
        data-testid="world-map"
        data-map-state={state()}
        data-countries-drawn={countriesDrawn()}
        aria-label={props.label ?? 'Map of the world'}
      />
      {state() === 'failed' && (
        <p class="world-map-error" role="alert">
          The map could not be loaded. Reload the page to try again.
        </p>
      )}
    </div>
  )
}

import {
  type Accessor,
  createEffect,
  createResource,
  createSignal,
  onCleanup,
} from 'solid-js'
import { loadCountries } from '../map/countries'
import { type CountryFeature, countriesByCode } from '../map/country-codes'
import type { maplibregl } from '../map/maplibre'

/** Country shapes by alpha-2 code, loaded once for every overlay. */
export function useCountryShapes() {
  const [shapes] = createResource(async () =>
    countriesByCode(await loadCountries()),
  )

  return shapes
}

interface Removable {
  remove(): void
}

/**
 * Keeps an overlay on the map while it is wanted and the map is there:
 * created when both hold, removed when either stops or the owner goes.
 */
export function useMapOverlay<Overlay extends Removable>(options: {
  map: Accessor<maplibregl.Map | null>
  isShown: Accessor<boolean>
  create: (
    map: maplibregl.Map,
    shapes: ReadonlyMap<string, CountryFeature>,
  ) => Overlay
}): Accessor<Overlay | null> {
  const shapes = useCountryShapes()
  const [overlay, setOverlay] = createSignal<Overlay | null>(null)

  createEffect(() => {
    const map = options.map()
    const loaded = shapes()
    if (!map || !loaded || !options.isShown()) return

    const created = options.create(map, loaded)
    setOverlay(() => created)
    onCleanup(() => {
      setOverlay(null)
      try {
        created.remove()
      } catch {
        // The map went first, with its page, and took the layers with it.
      }
    })
  })

  return overlay
}

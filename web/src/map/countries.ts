import type { Topology } from 'topojson-specification'
import countriesUrl from 'world-atlas/countries-50m.json?url'
import { type Countries, countriesFromTopology } from './basemap'

let loading: Promise<Countries> | null = null

/**
 * Natural Earth's countries from our own origin, fetched and converted
 * once per page: the basemap and the analysis overlays share them.
 */
export function loadCountries(): Promise<Countries> {
  loading ??= fetchCountries().catch((error: unknown) => {
    // Let the next caller try again instead of keeping the failure.
    loading = null
    throw error
  })

  return loading
}

async function fetchCountries(): Promise<Countries> {
  const response = await fetch(countriesUrl)
  if (!response.ok) throw new Error(`basemap: HTTP ${response.status}`)

  return countriesFromTopology((await response.json()) as Topology)
}

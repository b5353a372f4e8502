import type { StyleSpecification } from 'maplibre-gl'
import type { Countries } from './basemap'

export const COUNTRY_FILL_LAYER = 'country-fill'

/**
 * A basemap drawn entirely from data we serve: no tiles, no glyphs, no
 * sprites, so the map never asks another host for anything.
 */
export function basemapStyle(countries: Countries): StyleSpecification {
  return {
    version: 8,
    sources: {
      countries: {
        type: 'geojson',
        data: countries,
        attribution: 'Made with Natural Earth',
      },
    },
    layers: [
      {
        id: 'ocean',
        type: 'background',
        paint: { 'background-color': '#dbe7ef' },
      },
      {
        id: COUNTRY_FILL_LAYER,
        type: 'fill',
        source: 'countries',
        paint: { 'fill-color': '#f6f4ee', 'fill-outline-color': '#b9b4a8' },
      },
      {
        id: 'country-border',
        type: 'line',
        source: 'countries',
        paint: { 'line-color': '#a39d90', 'line-width': 0.6 },
      },
    ],
  }
}

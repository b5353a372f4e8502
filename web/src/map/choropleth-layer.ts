import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import type { CountryFeature } from './country-codes'
import type { maplibregl } from './maplibre'

const SOURCE = 'analysis-choropleth'
const FILL_LAYER = 'analysis-choropleth-fill'

/** Sequential blues, light to dark, one per class. */
export const CHOROPLETH_COLOURS = [
  '#dbe9f6',
  '#a9cce3',
  '#6baed6',
  '#3182bd',
  '#08519c',
] as const
export const WITHHELD_COLOUR = '#ced4da'

export interface ChoroplethArea {
  code: string
  persons: number | null
  isSuppressed: boolean
}

export interface ChoroplethOverlay {
  update(areas: readonly ChoroplethArea[], breaks: readonly number[]): void
  remove(): void
}

/**
 * Counts per country as a fill under the country borders; withheld
 * countries in grey, so that they read as "not shown", not as zero.
 */
export function showChoropleth(
  map: maplibregl.Map,
  countries: ReadonlyMap<string, CountryFeature>,
  beforeLayerId: string,
): ChoroplethOverlay {
  const empty: FeatureCollection = { type: 'FeatureCollection', features: [] }
  map.addSource(SOURCE, { type: 'geojson', data: empty })
  map.addLayer(
    {
      id: FILL_LAYER,
      type: 'fill',
      source: SOURCE,
      paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.85 },
    },
    map.getLayer(beforeLayerId) ? beforeLayerId : undefined,
  )

  return {
    update(areas, breaks) {
      const features = areas.flatMap(
        (area): Feature<Polygon | MultiPolygon>[] => {
          const country = countries.get(area.code)
          if (!country) return []
          const colour =
            area.isSuppressed || area.persons === null
              ? WITHHELD_COLOUR
              : colourFor(area.persons, breaks)
          return [{ ...country, properties: { colour } }]
        },
      )
      map
        .getSource<maplibregl.GeoJSONSource>(SOURCE)
        ?.setData({ type: 'FeatureCollection', features })
    },
    remove() {
      if (map.getLayer(FILL_LAYER)) map.removeLayer(FILL_LAYER)
      if (map.getSource(SOURCE)) map.removeSource(SOURCE)
    },
  }
}

/** The class colour of a count: above the n-th break takes the n+1-th. */
export function colourFor(persons: number, breaks: readonly number[]): string {
  const index = breaks.filter((limit) => persons > limit).length

  return (
    CHOROPLETH_COLOURS[Math.min(index, CHOROPLETH_COLOURS.length - 1)] ??
    WITHHELD_COLOUR
  )
}

/** Class limits at the quantiles of the shown counts. */
export function quantileBreaks(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return []
  const classes = CHOROPLETH_COLOURS.length
  const breaks: number[] = []
  for (let i = 1; i < classes; i++) {
    const limit = sorted[Math.floor((i * sorted.length) / classes) - 1]
    if (limit !== undefined && !breaks.includes(limit)) breaks.push(limit)
  }

  return breaks
}

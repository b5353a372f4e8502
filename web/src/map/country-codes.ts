import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'
import isoCountries from 'i18n-iso-countries'
import type { Countries, CountryProperties } from './basemap'

export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProperties>

/**
 * Records name countries by ISO 3166-1 alpha-2 code; Natural Earth's
 * shapes carry the numeric code. Kosovo has no numeric code there and is
 * found by name.
 */
export function alpha2Of(country: CountryFeature): string | null {
  if (country.id !== undefined) {
    return isoCountries.numericToAlpha2(String(country.id)) ?? null
  }

  return country.properties.name === 'Kosovo' ? 'XK' : null
}

/** Each country's shape, by alpha-2 code. */
export function countriesByCode(
  countries: Countries,
): Map<string, CountryFeature> {
  const byCode = new Map<string, CountryFeature>()
  for (const country of countries.features) {
    const code = alpha2Of(country)
    if (code && !byCode.has(code)) byCode.set(code, country)
  }

  return byCode
}

/**
 * A point inside each country to anchor flow lines: the centre of the
 * bounding box of its largest polygon, so that France is drawn from
 * Europe rather than from between its overseas departments.
 */
export function anchorOf(country: CountryFeature): [number, number] {
  const polygons =
    country.geometry.type === 'Polygon'
      ? [country.geometry.coordinates]
      : country.geometry.coordinates
  let largest: Position[] = []
  let largestArea = -1
  for (const polygon of polygons) {
    const ring = polygon[0] ?? []
    const area = Math.abs(ringArea(ring))
    if (area > largestArea) {
      largest = ring
      largestArea = area
    }
  }
  const longitudes = largest.map((point) => point[0] ?? 0)
  const latitudes = largest.map((point) => point[1] ?? 0)

  return [
    (Math.min(...longitudes) + Math.max(...longitudes)) / 2,
    (Math.min(...latitudes) + Math.max(...latitudes)) / 2,
  ]
}

function ringArea(ring: Position[]): number {
  let twiceArea = 0
  for (let i = 1; i < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i - 1] ?? []
    const [x2 = 0, y2 = 0] = ring[i] ?? []
    twiceArea += x1 * y2 - x2 * y1
  }

  return twiceArea / 2
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

/** A country's English name from its alpha-2 code; the code if unknown. */
export function countryName(code: string): string {
  if (code === 'none') return 'Unknown'
  try {
    return regionNames.of(code) ?? code
  } catch {
    // Not a region code Intl knows (e.g. a judicial district): show as is.
    return code
  }
}

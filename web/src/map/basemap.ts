import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'

export interface CountryProperties {
  name: string
}

export type Countries = FeatureCollection<
  Polygon | MultiPolygon,
  CountryProperties
>

/**
 * Turns Natural Earth's countries, as world-atlas ships them in TopoJSON,
 * into GeoJSON the map can draw without a tile server.
 */
export function countriesFromTopology(topology: Topology): Countries {
  const objects = topology.objects.countries as GeometryCollection<
    Partial<CountryProperties>
  >
  const collection = feature(topology, objects) as FeatureCollection<
    Geometry | null,
    Partial<CountryProperties>
  >
  const features = collection.features.flatMap(toCountry)

  return { type: 'FeatureCollection', features }
}

function toCountry(
  country: Feature<Geometry | null, Partial<CountryProperties>>,
): Feature<Polygon | MultiPolygon, CountryProperties>[] {
  const geometry = country.geometry
  if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') {
    return []
  }
  const properties = { name: country.properties?.name ?? 'Unknown' }
  const unwrapped: Polygon | MultiPolygon =
    geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: geometry.coordinates.map(unwrapRing) }
      : {
          type: 'MultiPolygon',
          coordinates: geometry.coordinates.map((polygon) =>
            polygon.map(unwrapRing),
          ),
        }

  return [{ type: 'Feature', id: country.id, properties, geometry: unwrapped }]
}

/**
 * Keeps a ring continuous where it crosses the ±180° meridian. Without
 * this, a ring that steps from 179° to -179° is drawn as a band across the
 * whole world; shifted by 360° it stays where it is, and the map's world
 * copies show it on both sides.
 */
export function unwrapRing(ring: Position[]): Position[] {
  let offsetDegrees = 0
  let previousLongitude: number | null = null

  return ring.map(([longitude = 0, latitude = 0]) => {
    if (previousLongitude !== null) {
      const step = longitude - previousLongitude
      if (step > 180) offsetDegrees -= 360
      if (step < -180) offsetDegrees += 360
    }
    previousLongitude = longitude

    return [longitude + offsetDegrees, latitude]
  })
}

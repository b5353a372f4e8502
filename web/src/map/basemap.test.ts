import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Topology } from 'topojson-specification'
import { describe, expect, it } from 'vitest'
import { countriesFromTopology, unwrapRing } from './basemap'

const require = createRequire(import.meta.url)
const topology = JSON.parse(
  readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
) as Topology

describe('unwrapRing', () => {
  it('keeps a ring that crosses the antimeridian continuous', () => {
    const ring = [
      [179, 60],
      [-179, 60],
      [-179, 61],
      [179, 61],
      [179, 60],
    ]

    expect(unwrapRing(ring)).toEqual([
      [179, 60],
      [181, 60],
      [181, 61],
      [179, 61],
      [179, 60],
    ])
  })

  it('leaves ordinary rings untouched', () => {
    const ring = [
      [4, 50],
      [5, 50],
      [5, 51],
      [4, 50],
    ]

    expect(unwrapRing(ring)).toEqual(ring)
  })
})

describe('countriesFromTopology', () => {
  const countries = countriesFromTopology(topology)

  it('draws every country of Natural Earth with its name', () => {
    const names = countries.features.map((country) => country.properties.name)

    expect(countries.features.length).toBeGreaterThan(200)
    expect(names).toEqual(expect.arrayContaining(['Belgium', 'Nigeria']))
  })

  it('leaves no ring jumping across the map', () => {
    const rings = countries.features.flatMap((country) =>
      country.geometry.type === 'Polygon'
        ? country.geometry.coordinates
        : country.geometry.coordinates.flat(),
    )
    const longestStep = Math.max(
      ...rings.flatMap((ring) =>
        ring.slice(1).map((point, i) => {
          const previous = ring[i] ?? point
          return Math.abs((point[0] ?? 0) - (previous[0] ?? 0))
        }),
      ),
    )

    expect(longestStep).toBeLessThan(180)
  })
})

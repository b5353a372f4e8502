import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Topology } from 'topojson-specification'
import { describe, expect, it } from 'vitest'
import { countriesFromTopology } from './basemap'
import { anchorOf, countriesByCode, countryName } from './country-codes'

const require = createRequire(import.meta.url)
const countries = countriesFromTopology(
  JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology,
)
const byCode = countriesByCode(countries)

describe('countriesByCode', () => {
  it('finds countries of the records by their alpha-2 code', () => {
    for (const code of ['BE', 'RO', 'NG', 'AF', 'XK', 'FR']) {
      expect(byCode.has(code)).toBe(true)
    }
  })
})

describe('anchorOf', () => {
  it('anchors France in Europe, not among its overseas departments', () => {
    const france = byCode.get('FR')
    if (!france) throw new Error('no France')
    const [longitude, latitude] = anchorOf(france)

    expect(longitude).toBeGreaterThan(-5)
    expect(longitude).toBeLessThan(8)
    expect(latitude).toBeGreaterThan(42)
    expect(latitude).toBeLessThan(51)
  })
})

describe('countryName', () => {
  it('names a country and says unknown for none', () => {
    expect(countryName('RO')).toBe('Romania')
    expect(countryName('none')).toBe('Unknown')
  })
})

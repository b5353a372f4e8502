import { describe, expect, it } from 'vitest'
import {
  CHOROPLETH_COLOURS,
  colourFor,
  quantileBreaks,
} from './choropleth-layer'

describe('quantileBreaks', () => {
  it('cuts the shown counts into classes of about equal size', () => {
    const values = Array.from({ length: 10 }, (_, i) => (i + 1) * 10)

    expect(quantileBreaks(values)).toEqual([20, 40, 60, 80])
  })

  it('gives no break twice when counts repeat', () => {
    expect(quantileBreaks([5, 5, 5, 5, 5, 9])).toEqual([5])
  })
})

describe('colourFor', () => {
  it('gives the lightest class to the smallest counts and the darkest to the largest', () => {
    const breaks = [20, 40, 60, 80]

    expect(colourFor(10, breaks)).toBe(CHOROPLETH_COLOURS[0])
    expect(colourFor(41, breaks)).toBe(CHOROPLETH_COLOURS[2])
    expect(colourFor(500, breaks)).toBe(CHOROPLETH_COLOURS[4])
  })
})

import { describe, expect, it } from 'vitest'
import {
  dispersionOf,
  negativeBinomialUpperTail,
  predictiveUpperTail,
} from './count-tests'
import { benjaminiHochberg } from './false-discovery'

describe('negativeBinomialUpperTail', () => {
  it('matches the sum of the probability mass function', () => {
    const size = 3.5
    const p = 0.4
    const pmf = (k: number) =>
      Math.exp(
        lgamma(k + size) -
          lgamma(size) -
          lgamma(k + 1) +
          size * Math.log(p) +
          k * Math.log(1 - p),
      )
    let below = 0
    for (let k = 0; k < 6; k++) below += pmf(k)

    expect(negativeBinomialUpperTail(6, size, p)).toBeCloseTo(1 - below, 10)
  })

  it('is one at and below zero', () => {
    expect(negativeBinomialUpperTail(0, 2, 0.5)).toBe(1)
  })
})

describe('predictiveUpperTail', () => {
  it('finds a month with four times its usual count very unlikely', () => {
    const reference = [6, 5, 7, 6, 8, 4, 6, 7, 5]

    const { pValue, expected } = predictiveUpperTail(24, reference)

    expect(expected).toBeCloseTo(54.5 / 9, 5)
    expect(pValue).toBeLessThan(1e-5)
  })

  it('finds an ordinary month ordinary', () => {
    const reference = [6, 5, 7, 6, 8, 4, 6, 7, 5]

    expect(predictiveUpperTail(7, reference).pValue).toBeGreaterThan(0.2)
  })

  it('gives a first person on a series silent for three years a weak p-value', () => {
    const silent = new Array(35).fill(0)

    const { pValue } = predictiveUpperTail(1, silent)

    expect(pValue).toBeGreaterThan(0.01)
    expect(pValue).toBeLessThan(0.02)
  })

  it('widens the tail when the reference months are overdispersed', () => {
    const steady = [10, 10, 10, 10, 10, 10]
    const bursty = [2, 25, 3, 18, 1, 11]

    expect(dispersionOf(steady)).toBe(1)
    expect(dispersionOf(bursty)).toBeGreaterThan(5)
    expect(predictiveUpperTail(25, bursty).pValue).toBeGreaterThan(
      predictiveUpperTail(25, steady).pValue * 100,
    )
  })
})

describe('benjaminiHochberg', () => {
  it('adjusts p-values into monotone q-values', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.2])

    const expected = [0.04, 0.16 / 3, 0.16 / 3, 0.2]
    for (const [i, value] of q.entries()) {
      expect(value).toBeCloseTo(expected[i]!, 12)
    }
  })
})

/** Lanczos approximation of log Γ, enough for a test oracle. */
function lgamma(x: number): number {
  const g = 7
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028,
    771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ]
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x)
  const z = x - 1
  let a = c[0]!
  const t = z + g + 0.5
  for (let i = 1; i < g + 2; i++) a += c[i]! / (z + i)

  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a)
}

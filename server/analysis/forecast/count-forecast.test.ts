import { describe, expect, it } from 'vitest'
import { backtest } from './backtest'
import { forecastCounts } from './count-forecast'

/** Seeded Poisson draws around a seasonal mean, for reproducible tests. */
function seasonalCounts(months: number, seed: number): number[] {
  let state = seed
  const uniform = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31
    return state / 2 ** 31
  }
  const poisson = (mean: number) => {
    let k = 0
    let p = Math.exp(-mean)
    let cumulative = p
    const u = uniform()
    while (u > cumulative) {
      k++
      p *= mean / k
      cumulative += p
    }
    return k
  }

  return Array.from({ length: months }, (_, t) =>
    poisson(60 * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 12))),
  )
}

describe('forecastCounts', () => {
  it('follows the season of a seasonal series', () => {
    const counts = seasonalCounts(48, 7)

    const { points } = forecastCounts(counts, 12)

    // Month 48 is a peak (cos 0), month 54 a trough.
    expect(points[0]!.persons).toBeGreaterThan(points[6]!.persons + 15)
  })

  it('nests the 80 % interval in the 95 % interval, never below zero', () => {
    const { points } = forecastCounts(seasonalCounts(36, 3), 6)

    for (const point of points) {
      expect(point.lower95).toBeGreaterThanOrEqual(0)
      expect(point.lower95).toBeLessThanOrEqual(point.lower80)
      expect(point.lower80).toBeLessThanOrEqual(point.persons)
      expect(point.persons).toBeLessThanOrEqual(point.upper80)
      expect(point.upper80).toBeLessThanOrEqual(point.upper95)
    }
  })
})

describe('backtest', () => {
  it('covers held-back months at about the nominal rates', () => {
    let inside80 = 0
    let inside95 = 0
    let total = 0
    for (let seed = 1; seed <= 20; seed++) {
      const result = backtest(seasonalCounts(60, seed), 3)!
      inside80 += result.coverage80 * result.forecasts
      inside95 += result.coverage95 * result.forecasts
      total += result.forecasts
    }

    expect(inside80 / total).toBeGreaterThan(0.72)
    expect(inside80 / total).toBeLessThan(0.9)
    expect(inside95 / total).toBeGreaterThan(0.89)
  })

  it('beats the seasonal-naive forecast on noisy seasonal series', () => {
    let modelError = 0
    let naiveError = 0
    for (let seed = 1; seed <= 20; seed++) {
      const result = backtest(seasonalCounts(60, seed), 3)!
      modelError += result.meanAbsoluteError
      naiveError += result.seasonalNaiveMeanAbsoluteError
    }

    expect(modelError).toBeLessThan(naiveError * 0.9)
  })
})

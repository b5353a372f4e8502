import { describe, expect, it } from 'vitest'
import { baselineUpperTail, predictiveUpperTail } from './count-tests'
import { afterScreen } from './false-discovery'
import { seasonalBaseline } from './seasonal-baseline'

const cycle = (t: number) =>
  Math.round(20 * (1 + 0.6 * Math.cos((2 * Math.PI * t) / 12)))

describe('seasonalBaseline', () => {
  it('is the Jeffreys-prior mean on a history without a cycle', () => {
    const history = [6, 5, 7, 6, 8, 4, 6, 7, 5, 6, 7, 5, 6, 6]

    const baseline = seasonalBaseline(history, history.length, 1)!

    expect(baseline.expected).toBeCloseTo(84.5 / 14, 10)
    expect(baseline.shape).toBe(84.5)
    expect(baselineUpperTail(12, baseline)).toBeCloseTo(
      predictiveUpperTail(12, history).pValue,
      12,
    )
  })

  it('expects the season of the month it predicts', () => {
    const history = Array.from({ length: 24 }, (_, t) => cycle(t))

    const peak = seasonalBaseline(history, 24, 1)!
    const trough = seasonalBaseline(history, 18, 1)!

    // Months of 32 at the peak and 8 at the trough, 20 on average; a
    // log-linear harmonic fits a cosine cycle closely but not exactly.
    expect(peak.expected).toBeGreaterThan(29)
    expect(trough.expected).toBeLessThan(11)
    expect(peak.shape).toBeLessThan(history.reduce((a, b) => a + b, 0))
  })

  it('leaves out months without a value', () => {
    const history = [10, null, 10, 10, null, 10]

    expect(seasonalBaseline(history, 6, 3)!.expected).toBeCloseTo(
      (3 * 40.5) / 4,
      10,
    )
  })

  it('is fitted again when any month of the history changes, and only then', () => {
    const history: (number | null)[] = Array.from({ length: 25 }, (_, t) =>
      cycle(t),
    )
    const before = seasonalBaseline(history, 24, 1)!

    const thisMonthChanged = history.with(24, 90)
    const lastYearChanged = history.with(12, history[12]! + 9)
    const leftOut = history.with(3, null)

    expect(seasonalBaseline(thisMonthChanged, 24, 1)).toEqual(before)
    expect(seasonalBaseline(lastYearChanged, 24, 1)!.expected).toBeGreaterThan(
      before.expected,
    )
    expect(seasonalBaseline(leftOut, 24, 1)!.residualDegrees).toBe(
      before.residualDegrees - 1,
    )
    expect(seasonalBaseline(history, 23, 2)!.expected).not.toBeCloseTo(
      before.expected,
      3,
    )
  })
})

describe('afterScreen', () => {
  it('divides by the chance of passing the screen, up to one', () => {
    expect(afterScreen(0.01, 0.4)).toBeCloseTo(0.025, 12)
    expect(afterScreen(0.5, 0.4)).toBe(1)
  })
})

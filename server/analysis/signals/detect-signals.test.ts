import { describe, expect, it } from 'vitest'
import { createSeededRandom } from '../../records/synthetic/seeded-random'
import { detectSignals, signalCandidates } from './detect-signals'
import type { WatchedSeries } from './signal-series'

const THRESHOLD = 5
const MONTHS = Array.from({ length: 36 }, (_, i) => {
  const month = String((i % 12) + 1).padStart(2, '0')
  return `${2022 + Math.floor(i / 12)}-${month}`
})

/** Records of one person each, withheld from 1 to the threshold minus one. */
function seriesOf(value: string, records: number[]): WatchedSeries {
  return {
    family: 'citizenship',
    value,
    counts: records.map((n) =>
      n > 0 && n < THRESHOLD
        ? { persons: null, isSuppressed: true }
        : { persons: n, isSuppressed: false },
    ),
    records,
  }
}

/** Poisson months around `mean` with a yearly cycle, nothing changing. */
function unchanged(
  random: ReturnType<typeof createSeededRandom>,
  mean: number,
  amplitude: number,
  peak: number,
): number[] {
  return MONTHS.map((_, t) =>
    random.poisson(
      mean * (1 + amplitude * Math.cos((2 * Math.PI * (t - peak)) / 12)),
    ),
  )
}

describe('signalCandidates', () => {
  it('gives the rises of unchanged series uniform or conservative p-values', () => {
    // Only a window above its expectation is tested, so about half of all
    // null tests reach false-discovery control. Their unconditional
    // p-values fell at or below 0.05 in 8 % of these cases and at or below
    // 0.2 in 36 %, which ran Benjamini–Hochberg at about twice its level.
    const random = createSeededRandom(11)
    const series = Array.from({ length: 1500 }, (_, i) =>
      seriesOf(`S${i}`, unchanged(random, 20 + (i % 5) * 10, 0, 0)),
    )

    const pValues = signalCandidates(series, THRESHOLD)
      .filter((c) => c.test === 'seasonal_rise')
      .map((c) => c.pValue)

    expect(pValues.length).toBeGreaterThan(500)
    for (const level of [0.05, 0.2, 0.5]) {
      const share = pValues.filter((p) => p <= level).length / pValues.length
      expect(share).toBeLessThanOrEqual(level * 1.1)
    }
  })
})

describe('detectSignals', () => {
  it('raises an alarm in at most its level of runs on unchanged series', () => {
    // Each run: forty independent series, steady or seasonal, small or
    // large. Benjamini–Hochberg at 5 % over null series alone may alarm
    // in 5 % of runs. Testing only the series that rose, with their
    // unconditional p-values, alarmed in 11 of these 200 runs.
    const random = createSeededRandom(7)
    const runs = 200
    let runsWithAlarm = 0
    for (let run = 0; run < runs; run++) {
      const series = Array.from({ length: 40 }, (_, i) =>
        seriesOf(
          `S${i}`,
          unchanged(random, [6, 12, 30, 80][i % 4]!, (i % 3) * 0.2, i % 12),
        ),
      )
      const signals = detectSignals(MONTHS, series, {
        thresholdPersons: THRESHOLD,
        falseDiscoveryRate: 0.05,
      })
      if (signals.length > 0) runsWithAlarm++
    }

    expect(runsWithAlarm / runs).toBeLessThanOrEqual(0.05)
  })

  it('finds a gradual rise after a single year of history', () => {
    // The same-season months of one earlier year were too few for the
    // three-month test to run at all, and no single month stood out.
    const random = createSeededRandom(3)
    const history = [6, 5, 7, 6, 8, 5, 6, 7, 5, 6, 6, 7, 5, 8, 6, 5, 7]
    const others = Array.from({ length: 20 }, (_, i) =>
      seriesOf(`S${i}`, unchanged(random, 10, 0, 0).slice(0, 20)),
    )
    const rising = seriesOf('CO', [...history, 11, 13, 15])

    const signals = detectSignals(MONTHS.slice(0, 20), [rising, ...others], {
      thresholdPersons: THRESHOLD,
      falseDiscoveryRate: 0.05,
    })

    expect(signals.map((s) => [s.value, s.test])).toContainEqual([
      'CO',
      'sustained_rise',
    ])
  })

  it('takes a withheld first count of a new series as no evidence', () => {
    // The test runs on any first count, so one record, the least a
    // withheld count can be, is exactly what it screens for.
    const silent = [...new Array(35).fill(0), 3]
    const loud = [...new Array(35).fill(0), 40]

    const signals = detectSignals(
      MONTHS,
      [seriesOf('new-small', silent), seriesOf('new-large', loud)],
      { thresholdPersons: THRESHOLD, falseDiscoveryRate: 0.05 },
    )

    expect(signals.map((s) => s.value)).toEqual(['new-large'])
    expect(signals[0]!.observed).toEqual({ persons: 40, isSuppressed: false })
  })
})

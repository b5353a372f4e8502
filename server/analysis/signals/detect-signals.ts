import type { ShownCount } from '../disclosure'
import { predictiveUpperTail } from './count-tests'
import { pooledDispersions, predictionErrors } from './dispersion'
import { benjaminiHochberg } from './false-discovery'
import { seasonalReference } from './seasonal-reference'
import { describeSignal } from './signal-sentences'
import type { SeriesFamily, WatchedSeries } from './signal-series'

export const SIGNAL_TESTS = [
  'seasonal_rise',
  'sustained_rise',
  'new_series',
] as const
export type SignalTest = (typeof SIGNAL_TESTS)[number]
export type SignalStrength = 'moderate' | 'strong' | 'very_strong'

export interface Signal {
  family: SeriesFamily
  value: string
  test: SignalTest
  strength: SignalStrength
  /** The months the test looked at: the latest, or the last three. */
  window: { from: string; to: string }
  /** Persons in the window; withheld for a new series below threshold. */
  observed: ShownCount
  /** Persons the baseline expected over the window. */
  expected: number
  /** Observed over expected; null when observed is withheld. */
  ratio: number | null
  pValue: number
  /** Benjamini–Hochberg adjusted p-value across every test of the run. */
  qValue: number
  sentence: string
}

export interface DetectOptions {
  thresholdPersons: number
  /** Expected share of false alarms among the signals. */
  falseDiscoveryRate: number
}

/** Months of silence before a first count makes a series new. */
export const MIN_SILENT_MONTHS = 12
const SUSTAINED_MONTHS = 3

interface Candidate {
  series: WatchedSeries
  test: SignalTest
  windowStart: number
  observed: number
  isObservedShown: boolean
  expected: number
  pValue: number
}

/**
 * Tests the latest month of every series against its own history and keeps
 * what survives false-discovery control:
 * - seasonal_rise: the latest month against the same months (and their
 *   neighbours) of up to three earlier years, as in the Farrington
 *   algorithm used for outbreak detection (Farrington et al., 1996;
 *   Noufaily et al., 2013, Statistics in Medicine 32);
 * - sustained_rise: the sum of the last three months against the same
 *   baseline, the window form of a CUSUM (Page, 1954, Biometrika 41) that
 *   catches a shift too gradual for any single month to stand out;
 * - new_series: a first count after at least a year of zeros.
 * Only shown counts enter a test; a withheld month of history counts as
 * half the threshold, the middle of what it can be, so no signal depends
 * on a withheld number.
 */
export function detectSignals(
  months: readonly string[],
  series: readonly WatchedSeries[],
  options: DetectOptions,
): Signal[] {
  const dispersions = pooledDispersions(
    new Map(
      series.map((one) => [
        one,
        {
          family: one.family,
          errors: predictionErrors(
            one.counts.map((c) => (c.isSuppressed ? null : c.persons!)),
            one.counts.length - 1,
          ),
        },
      ]),
    ),
  )
  const candidates = series.flatMap((one) =>
    testSeries(one, options.thresholdPersons, dispersions.get(one)!),
  )
  const qValues = benjaminiHochberg(candidates.map((c) => c.pValue))
  const best = new Map<WatchedSeries, Signal>()
  candidates.forEach((candidate, i) => {
    const qValue = qValues[i]!
    if (qValue > options.falseDiscoveryRate) return
    const known = best.get(candidate.series)
    if (known && known.qValue <= qValue) return
    best.set(candidate.series, toSignal(candidate, qValue, months))
  })

  return [...best.values()].sort(
    (a, b) => a.qValue - b.qValue || a.value.localeCompare(b.value),
  )
}

function testSeries(
  series: WatchedSeries,
  threshold: number,
  dispersion: number,
): Candidate[] {
  const { counts } = series
  const latest = counts.length - 1
  const last = counts[latest]
  if (!last || (!last.isSuppressed && last.persons === 0)) return []
  const candidates: Candidate[] = []
  const history = counts.slice(0, latest)
  const isSilent =
    history.length >= MIN_SILENT_MONTHS &&
    history.every((count) => !count.isSuppressed && count.persons === 0)
  if (isSilent) {
    // A withheld first count is tested as 1, the least it can be.
    const observed = last.isSuppressed ? 1 : last.persons!
    const tail = predictiveUpperTail(
      observed,
      history.map(() => 0),
    )
    candidates.push({
      series,
      test: 'new_series',
      windowStart: latest,
      observed,
      isObservedShown: !last.isSuppressed,
      expected: tail.expected,
      pValue: tail.pValue,
    })
    return candidates
  }
  const baselineValue = (count: ShownCount) =>
    count.isSuppressed ? threshold / 2 : count.persons!
  const values = counts.map(baselineValue)

  if (!last.isSuppressed) {
    const reference = seasonalReference(counts.length, [latest], latest)
    if (reference.length >= 3) {
      const tail = predictiveUpperTail(
        last.persons!,
        reference.map((i) => values[i]!),
        1,
        dispersion,
      )
      if (last.persons! > tail.expected) {
        candidates.push({
          series,
          test: 'seasonal_rise',
          windowStart: latest,
          observed: last.persons!,
          isObservedShown: true,
          expected: tail.expected,
          pValue: tail.pValue,
        })
      }
    }
  }

  const start = latest - SUSTAINED_MONTHS + 1
  const window = counts.slice(start)
  const isWindowShown = start > 0 && window.every((c) => !c.isSuppressed)
  if (isWindowShown) {
    const targets = window.map((_, i) => start + i)
    const reference = seasonalReference(counts.length, targets, start)
    if (reference.length >= 2 * SUSTAINED_MONTHS) {
      const observed = window.reduce((sum, c) => sum + c.persons!, 0)
      const values = reference.map((i) => baselineValue(counts[i]!))
      const tail = predictiveUpperTail(
        observed,
        values,
        SUSTAINED_MONTHS,
        dispersion,
      )
      if (observed > tail.expected) {
        candidates.push({
          series,
          test: 'sustained_rise',
          windowStart: start,
          observed,
          isObservedShown: true,
          expected: tail.expected,
          pValue: tail.pValue,
        })
      }
    }
  }

  return candidates
}

function toSignal(
  candidate: Candidate,
  qValue: number,
  months: readonly string[],
): Signal {
  const { series, test, observed, isObservedShown, expected } = candidate
  const window = {
    from: months[candidate.windowStart]!,
    to: months[months.length - 1]!,
  }
  const shown: ShownCount = isObservedShown
    ? { persons: observed, isSuppressed: false }
    : { persons: null, isSuppressed: true }
  const signal = {
    family: series.family,
    value: series.value,
    test,
    strength: strengthOf(qValue),
    window,
    observed: shown,
    expected: round(expected, 2),
    ratio:
      isObservedShown && expected > 0 ? round(observed / expected, 2) : null,
    pValue: candidate.pValue,
    qValue,
  }

  return { ...signal, sentence: describeSignal(signal) }
}

function strengthOf(qValue: number): SignalStrength {
  if (qValue <= 0.001) return 'very_strong'
  if (qValue <= 0.01) return 'strong'
  return 'moderate'
}

const round = (value: number, digits: number) =>
  Math.round(value * 10 ** digits) / 10 ** digits

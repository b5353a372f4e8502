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
 * half the threshold, or is left out of a large series' reference, so no
 * signal depends on a withheld number.
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
            one.counts.map((c, i) => (c.isSuppressed ? null : one.records[i]!)),
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

/**
 * The tests count records, not persons. A record covers one person or a
 * group (up to 25 smuggled persons), so a month of persons is a compound
 * Poisson sum: with N records of X persons each, Var = E[N]·E[X²], over
 * the Poisson variance by E[X²]/E[X], about 15 for smuggling. Two years of
 * such skewed months estimate that factor badly, and false alarms ran at
 * nearly half of all runs; records arrive close to Poisson, so their tails
 * hold their level. Persons remain the numbers a signal shows, and a
 * signal needs both records and persons above what was expected.
 */
function testSeries(
  series: WatchedSeries,
  threshold: number,
  dispersion: number,
): Candidate[] {
  const { counts } = series
  const latest = counts.length - 1
  const last = counts[latest]
  if (!last || (!last.isSuppressed && last.persons === 0)) return []
  const history = counts.slice(0, latest)
  const isSilent =
    history.length >= MIN_SILENT_MONTHS &&
    history.every((count) => !count.isSuppressed && count.persons === 0)
  if (isSilent) return [testNewSeries(series, latest)]

  // A withheld month of a small series enters as half the threshold, the
  // middle of a primary suppression; its records are at most its persons,
  // so the same middle serves both. In a series whose shown months are all
  // ten times the threshold or more, a withheld month was withheld
  // secondarily and can be any size: it is left out, as missing weeks are
  // in Farrington et al. (1996); as half the threshold it dragged the
  // baseline of all women (~200 a month) to ~115 and raised false alarms.
  const withheld = threshold / 2
  const isLarge = counts.every(
    (c) => c.isSuppressed || c.persons! >= 10 * threshold,
  )
  const isUsable = (i: number) => !isLarge || !counts[i]!.isSuppressed
  const persons = counts.map((c) => c.persons ?? withheld)
  const records = counts.map((c, i) =>
    c.isSuppressed ? withheld : series.records[i]!,
  )
  const candidates: Candidate[] = []
  if (!last.isSuppressed) {
    const reference = seasonalReference(counts.length, [latest], latest).filter(
      isUsable,
    )
    if (reference.length >= 3) {
      const candidate = testWindow('seasonal_rise', latest, reference)
      if (candidate) candidates.push(candidate)
    }
  }

  const start = latest - SUSTAINED_MONTHS + 1
  const window = counts.slice(start)
  const isWindowShown = start > 0 && window.every((c) => !c.isSuppressed)
  if (isWindowShown) {
    const targets = window.map((_, i) => start + i)
    const reference = seasonalReference(counts.length, targets, start).filter(
      isUsable,
    )
    if (reference.length >= 2 * SUSTAINED_MONTHS) {
      const candidate = testWindow('sustained_rise', start, reference)
      if (candidate) candidates.push(candidate)
    }
  }

  return candidates

  function testWindow(
    test: SignalTest,
    windowStart: number,
    reference: readonly number[],
  ): Candidate | null {
    const months = latest - windowStart + 1
    const sum = (values: readonly number[], from: number) =>
      values.slice(from, latest + 1).reduce((a, b) => a + b, 0)
    const tail = predictiveUpperTail(
      sum(records, windowStart),
      reference.map((i) => records[i]!),
      months,
      dispersion,
    )
    const observed = sum(persons, windowStart)
    const expected = expectedOver(
      reference.map((i) => persons[i]!),
      months,
    )
    const isRise = sum(records, windowStart) > tail.expected
    if (!isRise || observed <= expected) return null

    return {
      series,
      test,
      windowStart,
      observed,
      isObservedShown: true,
      expected,
      pValue: tail.pValue,
    }
  }
}

/** A first count after a year or more of zeros, tested in records too. */
function testNewSeries(series: WatchedSeries, latest: number): Candidate {
  const last = series.counts[latest]!
  const silence = series.counts.slice(0, latest).map(() => 0)
  // A withheld first count is tested as one record, the least it can be.
  const records = last.isSuppressed ? 1 : series.records[latest]!
  const tail = predictiveUpperTail(records, silence)

  return {
    series,
    test: 'new_series',
    windowStart: latest,
    observed: last.isSuppressed ? 1 : last.persons!,
    isObservedShown: !last.isSuppressed,
    expected: expectedOver(silence, 1),
    pValue: tail.pValue,
  }
}

/** The baseline's expected count over `months`, as `predictiveUpperTail`. */
const expectedOver = (reference: readonly number[], months: number) =>
  (months * (reference.reduce((a, b) => a + b, 0) + 0.5)) / reference.length

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

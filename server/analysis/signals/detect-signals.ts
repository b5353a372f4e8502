import type { ShownCount } from '../disclosure'
import { baselineUpperTail, predictiveUpperTail } from './count-tests'
import { type FitErrors, pooledDispersions } from './dispersion'
import { afterScreen, benjaminiHochberg } from './false-discovery'
import { type Baseline, seasonalBaseline } from './seasonal-baseline'
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
/** Fewest known months of history for the one-month test. */
const MIN_HISTORY_MONTHS = 3

export interface Candidate {
  series: WatchedSeries
  test: SignalTest
  windowStart: number
  observed: number
  isObservedShown: boolean
  expected: number
  /** Whether persons, the numbers shown, rose above expectation too. */
  isPersonsRise: boolean
  /** Conditional on the rise that made it a candidate (`afterScreen`). */
  pValue: number
}

/**
 * Tests the latest month of every series against its own history and keeps
 * what survives false-discovery control:
 * - seasonal_rise: the latest month against a seasonal baseline learnt
 *   from every earlier month (`seasonal-baseline.ts`), as the Farrington
 *   algorithm for outbreak detection does in its improved form (Farrington
 *   et al., 1996; Noufaily et al., 2013, Statistics in Medicine 32);
 * - sustained_rise: the sum of the last three months against the same
 *   baseline fitted before them, the window form of a CUSUM (Page, 1954,
 *   Biometrika 41) that catches a shift too gradual for any single month
 *   to stand out;
 * - new_series: a first count after at least a year of zeros.
 * Only shown counts enter a test; a withheld month of history counts as
 * half the threshold, or is left out of a large series' history, so no
 * signal depends on a withheld number.
 */
export function detectSignals(
  months: readonly string[],
  series: readonly WatchedSeries[],
  options: DetectOptions,
): Signal[] {
  const candidates = signalCandidates(series, options.thresholdPersons)
  const qValues = benjaminiHochberg(candidates.map((c) => c.pValue))
  const best = new Map<WatchedSeries, Signal>()
  candidates.forEach((candidate, i) => {
    const qValue = qValues[i]!
    // A rise in records alone stays among the tests counted, so that
    // leaving it unreported cannot loosen the procedure.
    if (qValue > options.falseDiscoveryRate || !candidate.isPersonsRise) {
      return
    }
    const known = best.get(candidate.series)
    if (known && known.qValue <= qValue) return
    best.set(candidate.series, toSignal(candidate, qValue, months))
  })

  return [...best.values()].sort(
    (a, b) => a.qValue - b.qValue || a.value.localeCompare(b.value),
  )
}

/** Every test of every series that rose, before false-discovery control. */
export function signalCandidates(
  series: readonly WatchedSeries[],
  thresholdPersons: number,
): Candidate[] {
  const prepared = series.map((one) => prepareSeries(one, thresholdPersons))
  const dispersions = pooledDispersions(
    new Map(
      prepared.map((one) => [
        one,
        { family: one.series.family, errors: one.errors },
      ]),
    ),
  )

  return prepared.flatMap((one) => testSeries(one, dispersions.get(one)!))
}

interface PreparedSeries {
  series: WatchedSeries
  latest: number
  isSilent: boolean
  /** Records per month as tested; null for a month left out. */
  records: (number | null)[]
  persons: (number | null)[]
  isShown: (month: number) => boolean
  /** The records' baseline for the latest month, null for a new series. */
  latestBaseline: Baseline | null
  errors: FitErrors
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
function prepareSeries(
  series: WatchedSeries,
  threshold: number,
): PreparedSeries {
  const { counts } = series
  const latest = counts.length - 1
  const isShown = (i: number) => !counts[i]!.isSuppressed
  const isSilent =
    latest >= MIN_SILENT_MONTHS &&
    counts.slice(0, latest).every((c) => !c.isSuppressed && c.persons === 0)

  // A withheld month of a small series enters as half the threshold, the
  // middle of a primary suppression; its records are at most its persons,
  // so the same middle serves both. In a series whose shown months are all
  // ten times the threshold or more, a withheld month was withheld
  // secondarily and can be any size: it is left out, as missing weeks are
  // in Farrington et al. (1996); as half the threshold it dragged the
  // baseline of all women (~200 a month) to ~115 and raised false alarms.
  const isLarge = counts.every(
    (c) => c.isSuppressed || c.persons! >= 10 * threshold,
  )
  const standIn = isLarge ? null : threshold / 2
  const records = counts.map((c, i) =>
    c.isSuppressed ? standIn : series.records[i]!,
  )
  const persons = counts.map((c) => (c.isSuppressed ? standIn : c.persons))
  const fit = isSilent ? null : seasonalBaseline(records, latest, 1)

  return {
    series,
    latest,
    isSilent,
    records,
    persons,
    isShown,
    latestBaseline: fit,
    errors: fit ?? { pearson: 0, residualDegrees: 0 },
  }
}

function testSeries(prepared: PreparedSeries, dispersion: number): Candidate[] {
  const { series, latest, records, persons, isShown } = prepared
  const last = series.counts[latest]
  if (!last || (!last.isSuppressed && last.persons === 0)) return []
  if (prepared.isSilent) return [testNewSeries(series, latest)]

  const knownBefore = (start: number) =>
    records.slice(0, start).filter((value) => value !== null).length
  const candidates: Candidate[] = []
  if (isShown(latest) && knownBefore(latest) >= MIN_HISTORY_MONTHS) {
    const candidate = testWindow('seasonal_rise', latest)
    if (candidate) candidates.push(candidate)
  }
  const start = latest - SUSTAINED_MONTHS + 1
  const isWindowShown =
    start > 0 && series.counts.slice(start).every((c) => !c.isSuppressed)
  if (isWindowShown && knownBefore(start) >= 2 * SUSTAINED_MONTHS) {
    const candidate = testWindow('sustained_rise', start)
    if (candidate) candidates.push(candidate)
  }

  return candidates

  function testWindow(test: SignalTest, windowStart: number) {
    const months = latest - windowStart + 1
    const base =
      windowStart === latest
        ? prepared.latestBaseline
        : seasonalBaseline(records, windowStart, months)
    if (!base) return null
    const sum = (values: readonly (number | null)[]) =>
      values.slice(windowStart).reduce<number>((a, b) => a + b!, 0)
    const observedRecords = sum(records)
    if (observedRecords <= base.expected) return null
    // Fitted only for the windows that rose: most do not.
    const personsBase = seasonalBaseline(persons, windowStart, months)
    if (!personsBase) return null
    const tail = (k: number) => baselineUpperTail(k, base, dispersion)
    const observed = sum(persons)

    return {
      series,
      test,
      windowStart,
      observed,
      isObservedShown: true,
      expected: personsBase.expected,
      isPersonsRise: observed > personsBase.expected,
      pValue: afterScreen(
        tail(observedRecords),
        tail(Math.floor(base.expected) + 1),
      ),
    }
  }
}

/** A first count after a year or more of zeros, tested in records too. */
function testNewSeries(series: WatchedSeries, latest: number): Candidate {
  const last = series.counts[latest]!
  const silence = series.counts.slice(0, latest).map(() => 0)
  // A withheld first count is tested as one record, the least it can be.
  const records = last.isSuppressed ? 1 : series.records[latest]!
  const tail = (k: number) => predictiveUpperTail(k, silence).pValue

  return {
    series,
    test: 'new_series',
    windowStart: latest,
    observed: last.isSuppressed ? 1 : last.persons!,
    isObservedShown: !last.isSuppressed,
    expected: 0.5 / silence.length,
    isPersonsRise: true,
    // The test runs on any first count, so the screen is one record.
    pValue: afterScreen(tail(records), tail(1)),
  }
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

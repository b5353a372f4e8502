import type { RecordValues } from '../record-fields'
import {
  addMonths,
  BELARUS_CORRIDOR,
  COLOMBIA_SEXUAL_EXPLOITATION,
  describePlantedChanges,
  monthsBetween,
  type PlantedChange,
} from './planted-changes'
import { ROUTE_PROFILES, type RouteProfile } from './route-profiles'
import { createSeededRandom, type SeededRandom } from './seeded-random'
import { SYNTHETIC_PARTNERS, type SyntheticPartner } from './synthetic-partners'
import { summaryFor } from './synthetic-summaries'

export interface SyntheticOptions {
  /** Same seed, same records. Default 1. */
  seed?: number
  /** First month, `YYYY-MM`. Default `2022-01`. */
  startMonth?: string
  /** How many months to cover. Default 36. */
  months?: number
  /** Multiplies every partner's monthly volume. Default 1 (~600/month). */
  scale?: number
  /** Plant the changes the analysis should find. Default true. */
  hasPlantedChanges?: boolean
  /** Share of victim records another partner reports again. Default 0.05. */
  duplicateShare?: number
  /** Share of records with a (clean) summary text. Default 0.2. */
  summaryShare?: number
  partners?: readonly SyntheticPartner[]
}

/** A synthetic record and the key of the partner that holds it. */
export interface SyntheticRecord extends RecordValues {
  partnerKey: string
}

const PROFILES_BY_KEY = new Map(
  [...ROUTE_PROFILES, BELARUS_CORRIDOR, COLOMBIA_SEXUAL_EXPLOITATION].map(
    (profile) => [profile.key, profile],
  ),
)

/** The planted changes that `generateSyntheticRecords` writes for options. */
export function plantedChangesFor(options: SyntheticOptions = {}) {
  const { startMonth, months, hasPlantedChanges } = withDefaults(options)

  return hasPlantedChanges ? describePlantedChanges(startMonth, months) : []
}

/**
 * Realistic synthetic records, month by month, produced lazily so that a
 * million rows never sit in memory together. Seeded and reproducible.
 */
export function* generateSyntheticRecords(
  options: SyntheticOptions = {},
): Generator<SyntheticRecord> {
  const settings = withDefaults(options)
  const random = createSeededRandom(settings.seed)
  const changes = describePlantedChanges(settings.startMonth, settings.months)
  const laterDuplicates = new Map<string, SyntheticRecord[]>()
  // Victims with a linkage key seen this month, from which duplicates are
  // drawn once the month is complete.
  const victimsThisMonth: SyntheticRecord[] = []

  for (let m = 0; m < settings.months; m++) {
    const month = addMonths(settings.startMonth, m)

    for (const partner of settings.partners) {
      for (const [profileKey, weight] of partner.profiles) {
        const profile = PROFILES_BY_KEY.get(profileKey)
        if (!profile) throw new Error(`Unknown route profile ${profileKey}`)
        const share = weight / totalWeight(partner)
        const mean =
          partner.recordsPerMonth *
          share *
          settings.scale *
          seasonalFactor(profile, month)
        yield* recordsFor(random, partner, profile, month, mean)
      }
      for (const change of changes) {
        if (!change.partnerKeys.includes(partner.key)) continue
        const mean =
          (plantedMean(change, month, settings.hasPlantedChanges) *
            settings.scale) /
          change.partnerKeys.length
        const profile = profileOfChange(change)
        yield* recordsFor(random, partner, profile, month, mean)
      }
    }
    yield* laterDuplicates.get(month) ?? []
    laterDuplicates.delete(month)

    // Duplicates are decided after the month's records so that the main
    // stream does not depend on the duplicate share.
    const victims = victimsThisMonth.splice(0)
    planDuplicates(random, settings, month, victims, laterDuplicates)
  }

  function* recordsFor(
    random: SeededRandom,
    partner: SyntheticPartner,
    profile: RouteProfile,
    month: string,
    mean: number,
  ): Generator<SyntheticRecord> {
    const count = random.poisson(mean)
    for (let i = 0; i < count; i++) {
      const record = makeRecord(random, partner, profile, month, settings)
      if (record.linkageKey) victimsThisMonth.push(record)
      yield record
    }
  }
}

function planDuplicates(
  random: SeededRandom,
  settings: Required<SyntheticOptions>,
  month: string,
  victims: readonly SyntheticRecord[],
  laterDuplicates: Map<string, SyntheticRecord[]>,
): void {
  for (const victim of victims) {
    if (!random.chance(settings.duplicateShare)) continue
    const others = settings.partners.filter((p) => p.key !== victim.partnerKey)
    if (others.length === 0) continue
    const delayMonths = random.integer(1, 3)
    const reportedIn = addMonths(month, delayMonths)
    if (monthsBetween(settings.startMonth, reportedIn) >= settings.months) {
      continue
    }
    const duplicate: SyntheticRecord = {
      ...victim,
      partnerKey: random.pick(others).key,
      observedOn: reportedIn,
      summary: null,
    }
    const list = laterDuplicates.get(reportedIn) ?? []
    list.push(duplicate)
    laterDuplicates.set(reportedIn, list)
  }
}

function makeRecord(
  random: SeededRandom,
  partner: SyntheticPartner,
  profile: RouteProfile,
  month: string,
  settings: Required<SyntheticOptions>,
): SyntheticRecord {
  const route = random.weighted(profile.routes)
  const isFilled = () => random.chance(partner.completeness)
  const isVictim = profile.phenomenon === 'trafficking'
  const persons =
    profile.maxPersons > 1 && random.chance(0.3)
      ? random.integer(2, profile.maxPersons)
      : 1

  return {
    partnerKey: partner.key,
    phenomenon: profile.phenomenon,
    observedOn: month,
    persons,
    gender: persons === 1 ? random.weighted(profile.genders) : null,
    ageBand: persons === 1 ? random.weighted(profile.ageBands) : null,
    citizenship: route.citizenship,
    origin: isFilled() ? route.origin : null,
    transit: isFilled() ? [...route.transit] : [],
    destination: route.destination,
    area: random.weighted(profile.areas),
    exploitation: [...random.weighted(profile.exploitation)],
    sector: isFilled() ? random.weighted(profile.sectors) : null,
    meansOfControl: isFilled() ? pickSome(random, profile.meansOfControl) : [],
    recruiterRelation: isFilled()
      ? random.weighted(profile.recruiterRelations)
      : null,
    recruitment: isFilled() ? random.weighted(profile.recruitment) : null,
    transport: isFilled() ? [...route.transport] : [],
    sourceGrade: partner.isGradingSources
      ? random.weighted(SOURCE_GRADE_WEIGHTS)
      : null,
    credibility: partner.isGradingSources ? random.integer(1, 4) : null,
    linkageKey:
      isVictim && random.chance(partner.linkageShare) ? random.hex(64) : null,
    summary: random.chance(settings.summaryShare)
      ? summaryFor(random, profile)
      : null,
  }
}

const SOURCE_GRADE_WEIGHTS = [
  ['A', 10],
  ['B', 40],
  ['C', 35],
  ['D', 10],
  ['F', 5],
] as const

function pickSome<T>(random: SeededRandom, pool: readonly T[]): T[] {
  if (pool.length === 0) return []
  const count = random.integer(1, Math.min(3, pool.length))
  const chosen = new Set<T>()
  while (chosen.size < count) chosen.add(random.pick(pool))

  return [...chosen]
}

function seasonalFactor(profile: RouteProfile, month: string): number {
  const monthOfYear = Number(month.slice(5, 7))
  const phase = (2 * Math.PI * (monthOfYear - profile.peakMonth)) / 12

  return 1 + profile.seasonalAmplitude * Math.cos(phase)
}

function plantedMean(
  change: PlantedChange,
  month: string,
  hasPlantedChanges: boolean,
): number {
  const monthsIn = monthsBetween(change.startMonth, month)
  switch (change.kind) {
    case 'new_route':
      return hasPlantedChanges && monthsIn >= 0 ? change.meanRecordsPerMonth : 0
    case 'rising_citizenship': {
      if (!hasPlantedChanges || monthsIn < 0) {
        return change.baselineRecordsPerMonth
      }
      const progress = Math.min(1, (monthsIn + 1) / change.rampMonths)
      const rise = change.raisedRecordsPerMonth - change.baselineRecordsPerMonth

      return change.baselineRecordsPerMonth + rise * progress
    }
  }
}

function profileOfChange(change: PlantedChange): RouteProfile {
  switch (change.kind) {
    case 'new_route':
      return BELARUS_CORRIDOR
    case 'rising_citizenship':
      return COLOMBIA_SEXUAL_EXPLOITATION
  }
}

function totalWeight(partner: SyntheticPartner): number {
  return partner.profiles.reduce((sum, [, weight]) => sum + weight, 0)
}

function withDefaults(options: SyntheticOptions): Required<SyntheticOptions> {
  const startMonth = options.startMonth ?? '2022-01'
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(startMonth)) {
    throw new RangeError('startMonth must be a month written YYYY-MM')
  }
  const months = options.months ?? 36
  if (!Number.isInteger(months) || months < 1) {
    throw new RangeError('months must be a whole number of at least 1')
  }

  return {
    seed: options.seed ?? 1,
    startMonth,
    months,
    scale: options.scale ?? 1,
    hasPlantedChanges: options.hasPlantedChanges ?? true,
    duplicateShare: options.duplicateShare ?? 0.05,
    summaryShare: options.summaryShare ?? 0.2,
    partners: options.partners ?? SYNTHETIC_PARTNERS,
  }
}

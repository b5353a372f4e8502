import {
  bigint,
  char,
  date,
  index,
  pgSequence,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core'

/**
 * Rollups of `records` kept on write by statement-level triggers (see the
 * `analysis_rollups` migration). Each holds the persons and records of one
 * combination of coded values, so an analysis reads thousands of rows
 * instead of millions. They are cuboids of one data cube in the sense of
 * Harinarayan, Rajaraman and Ullman (1996): the analysis picks the smallest
 * one that holds every field a question filters or splits on.
 */
const measures = () => ({
  persons: bigint('persons', { mode: 'number' }).notNull(),
  records: bigint('records', { mode: 'number' }).notNull(),
})

/** The coded fields of `records` that rollups group by, in key order. */
const codedColumns = {
  phenomenon: () => text('phenomenon').notNull(),
  partnerId: () => uuid('partner_id').notNull(),
  sourceGrade: () => char('source_grade', { length: 1 }),
  gender: () => text('gender'),
  ageBand: () => text('age_band'),
  citizenship: () => char('citizenship', { length: 2 }),
  origin: () => char('origin', { length: 2 }),
  transit: () => text('transit').array().notNull(),
  destination: () => char('destination', { length: 2 }),
  area: () => text('area'),
  exploitation: () => text('exploitation').array().notNull(),
  sector: () => text('sector'),
}

type CodedField = keyof typeof codedColumns

const CODED_FIELDS = Object.keys(codedColumns) as CodedField[]

/** The given fields in key order, whatever order they are named in. */
function inKeyOrder<Field extends CodedField>(fields: readonly Field[]) {
  return CODED_FIELDS.filter((field): field is Field =>
    fields.includes(field as Field),
  )
}

/** The columns of a rollup: its month, the given fields, the measures. */
function rollupColumns<Field extends CodedField>(fields: readonly Field[]) {
  const coded = Object.fromEntries(
    inKeyOrder(fields).map((field) => [field, codedColumns[field]()]),
  ) as { [F in Field]: ReturnType<(typeof codedColumns)[F]> }

  return {
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    ...coded,
    ...measures(),
  }
}

/**
 * A cuboid grouping records by month and the given fields. Its unique key
 * `<name>_key` is the grouping: the rollup triggers read the columns to
 * group by from it, so they are named here only.
 */
function cuboid<Name extends string, Field extends CodedField>(
  name: Name,
  fields: readonly Field[],
) {
  return pgTable(name, rollupColumns(fields), (t) => [
    unique(`${name}_key`)
      .on(t.observedOn, ...inKeyOrder(fields).map((field) => t[field]))
      .nullsNotDistinct(),
    index(`${name}_observed_on_idx`).on(t.observedOn),
  ])
}

/** Every coded field: answers any question counted in persons. */
export const analysisCube = cuboid('analysis_cube', CODED_FIELDS)

/** Routes: who travelled where, for flows, routes and country maps. */
export const analysisRouteCube = cuboid('analysis_route_cube', [
  'phenomenon',
  'citizenship',
  'origin',
  'transit',
  'destination',
])

/** Profiles: who the persons are and how they were exploited, and where. */
export const analysisProfileCube = cuboid('analysis_profile_cube', [
  'phenomenon',
  'gender',
  'ageBand',
  'citizenship',
  'area',
  'exploitation',
  'sector',
])

/**
 * Persons: who they are and how they were exploited, without where. Small
 * enough (a few dozen rows per month per citizenship) for the profiles and
 * the person fields the signals watch on every request.
 */
export const analysisPersonCube = cuboid('analysis_person_cube', [
  'phenomenon',
  'gender',
  'ageBand',
  'citizenship',
  'exploitation',
])

/**
 * Workplaces: where and in which sector persons were exploited, and whose
 * citizens they were.
 */
export const analysisSectorCube = cuboid('analysis_sector_cube', [
  'phenomenon',
  'citizenship',
  'area',
  'exploitation',
  'sector',
])

/**
 * Linked records: those whose linkage key another record carries too, or
 * that carry a key for several persons. A distinct count is the persons of
 * a cuboid less the surplus of these records (their persons less their
 * distinct keys); a key carried once by one person adds none, so only the
 * linked records (about one in eight in the synthetic data) are kept here,
 * rebuilt key by key on every write (see the narrow rollups migration).
 */
export const analysisLinkedCube = pgTable(
  'analysis_linked_cube',
  {
    linkageKey: char('linkage_key', { length: 64 }).notNull(),
    ...rollupColumns(CODED_FIELDS),
  },
  (t) => [
    unique('analysis_linked_cube_key')
      .on(t.observedOn, t.linkageKey, ...CODED_FIELDS.map((field) => t[field]))
      .nullsNotDistinct(),
    index('analysis_linked_cube_linkage_key_idx').on(t.linkageKey),
  ],
)

/**
 * Bumped once per statement that writes `records` (see the
 * `analysis_data_version` migration), so that results computed from the
 * rollups can be cached until the data they were computed from changes. A
 * sequence rather than a counter row: writers never wait on each other.
 */
export const analysisDataVersion = pgSequence('analysis_data_version')

/**
 * The data version at which each month's records last changed, set by the
 * rollup triggers from `analysis_data_version`. Counts of months that did
 * not change since they were read can be kept (`query/monthly-counts.ts`):
 * a write to one month leaves the other months' counts as they were.
 */
export const analysisMonthVersions = pgTable('analysis_month_versions', {
  observedOn: date('observed_on', { mode: 'string' }).primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
})

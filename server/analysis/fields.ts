import {
  AGE_BANDS,
  AREAS,
  COUNTRY_CODES,
  EXPLOITATION_TYPES,
  GENDERS,
  PHENOMENA,
  SECTORS,
  SOURCE_GRADES,
} from '../records/record-fields'

/**
 * The coded fields an analysis can filter on and split by, with the SQL
 * column each reads. `isList` fields hold several values per record (a
 * record counts once under each); `none` stands for a missing value or an
 * empty list, so that "unknown" is a value like any other.
 */
export const NONE = 'none'

export interface AnalysisField {
  column: string
  isList: boolean
  /** False only for fields every record has. */
  isNullable: boolean
  /** Accepts a value of the field's vocabulary (without `none`). */
  accepts(value: string): boolean
  /** Named in error messages: "must be ..." */
  rule: string
  /** How many values the field can take, `none` included; null if open. */
  domainSize: number | null
}

const fromList = (
  column: string,
  values: readonly string[],
  options: { isList?: boolean; isNullable?: boolean } = {},
): AnalysisField => {
  const known = new Set(values)
  const isNullable = options.isNullable ?? true

  return {
    column,
    isList: options.isList ?? false,
    isNullable,
    accepts: (value) => known.has(value),
    rule: `one of ${values.join(', ')}${isNullable ? `, ${NONE}` : ''}`,
    domainSize: values.length + (isNullable ? 1 : 0),
  }
}

const country = (column: string, isList = false): AnalysisField => ({
  column,
  isList,
  isNullable: true,
  accepts: (value) => COUNTRY_CODES.has(value),
  rule: `an ISO 3166-1 alpha-2 country code (e.g. RO) or ${NONE}`,
  domainSize: COUNTRY_CODES.size + 1,
})

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export const ANALYSIS_FIELDS = {
  phenomenon: fromList('phenomenon', PHENOMENA, { isNullable: false }),
  exploitation: fromList('exploitation', EXPLOITATION_TYPES, {
    isList: true,
  }),
  sector: fromList('sector', SECTORS),
  gender: fromList('gender', GENDERS),
  ageBand: fromList('age_band', AGE_BANDS),
  citizenship: country('citizenship'),
  origin: country('origin'),
  transit: country('transit', true),
  destination: country('destination'),
  area: fromList('area', AREAS),
  sourceGrade: fromList('source_grade', SOURCE_GRADES),
  partner: {
    column: 'partner_id',
    isList: false,
    isNullable: false,
    accepts: (value: string) => UUID.test(value),
    rule: 'a partner id (UUID)',
    // Known only from the database; the routes fill it in.
    domainSize: null,
  },
} as const satisfies Record<string, AnalysisField>

export type FieldName = keyof typeof ANALYSIS_FIELDS
export const FIELD_NAMES = Object.keys(ANALYSIS_FIELDS) as FieldName[]

/** Fields a trend can be split by and a signal can watch. */
export const SPLIT_FIELD_NAMES = FIELD_NAMES.filter(
  (name) => name !== 'partner' && name !== 'sourceGrade',
)

/** Where a country can stand on the map. */
export const MAP_ROLES = [
  'citizenship',
  'origin',
  'transit',
  'destination',
  'area',
] as const satisfies readonly FieldName[]
export type MapRole = (typeof MAP_ROLES)[number]

import {
  AGE_BANDS,
  AREAS,
  EXPLOITATION_TYPES,
  GENDERS,
  MAX_AGE_YEARS,
  MAX_CREDIBILITY,
  MAX_PERSONS,
  MAX_SUMMARY_CHARS,
  MAX_TRANSIT_COUNTRIES,
  MEANS_OF_CONTROL,
  MIN_AGE_YEARS,
  MIN_CREDIBILITY,
  MIN_PERSONS,
  PHENOMENA,
  RECRUITER_RELATIONS,
  RECRUITMENT_CHANNELS,
  SECTORS,
  SOURCE_GRADES,
  TRANSPORT_MODES,
} from './record-fields'

const oneOf = (values: readonly string[]) =>
  `must be one of ${values.join(', ')}`
const COUNTRY = 'an ISO 3166-1 alpha-2 country code such as BE'
const listOf = (values: readonly string[]) =>
  `must be a list (separated by | in CSV) of ${values.join(', ')}`

/**
 * The rule of each field in words, used in every refusal so that the
 * sender reads which field broke which rule; never the value itself.
 */
export const FIELD_RULES: Readonly<Record<string, string>> = {
  phenomenon: oneOf(PHENOMENA),
  observedOn:
    'must be a month YYYY-MM (or a date YYYY-MM-DD, cut to its month), ' +
    'not after the current month',
  persons: `must be a whole number from ${MIN_PERSONS} to ${MAX_PERSONS}`,
  gender: oneOf(GENDERS),
  ageBand: oneOf(AGE_BANDS),
  age: `must be a whole number of years from ${MIN_AGE_YEARS} to ${MAX_AGE_YEARS}`,
  citizenship: `must be ${COUNTRY}`,
  origin: `must be ${COUNTRY}`,
  transit: `must be a list of at most ${MAX_TRANSIT_COUNTRIES} country codes`,
  destination: `must be ${COUNTRY}`,
  area: `must be a Belgian judicial district: ${AREAS.join(', ')}`,
  exploitation: listOf(EXPLOITATION_TYPES),
  sector: oneOf(SECTORS),
  meansOfControl: listOf(MEANS_OF_CONTROL),
  recruiterRelation: oneOf(RECRUITER_RELATIONS),
  recruitment: oneOf(RECRUITMENT_CHANNELS),
  transport: listOf(TRANSPORT_MODES),
  sourceGrade: oneOf(SOURCE_GRADES),
  credibility: `must be a whole number from ${MIN_CREDIBILITY} to ${MAX_CREDIBILITY}`,
  linkageKey: 'must be 64 lowercase hexadecimal characters (an HMAC-SHA-256)',
  summary: `must be a text of at most ${MAX_SUMMARY_CHARS} characters`,
}

/** The stable codes of the rules a record can break. */
export const RULE_CODES = [
  'required',
  'unknown_field',
  'invalid_type',
  'not_in_vocabulary',
  'out_of_range',
  'too_long',
  'too_many',
  'invalid_format',
  'invalid_month',
  'in_the_future',
  'conflicting_fields',
  'identifier_detected',
  'not_an_object',
] as const
export type RuleCode = (typeof RULE_CODES)[number]

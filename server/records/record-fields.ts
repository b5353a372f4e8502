/**
 * The vocabularies of the record standard. Every coded field of a record
 * takes its values from one of these lists; the web app imports them too,
 * so the form and the server can never disagree.
 */

export const PHENOMENA = ['trafficking', 'smuggling'] as const
export type Phenomenon = (typeof PHENOMENA)[number]

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const
export type Gender = (typeof GENDERS)[number]

export const AGE_BANDS = [
  '0-8',
  '9-17',
  '18-20',
  '21-23',
  '24-26',
  '27-29',
  '30-38',
  '39-47',
  '48+',
  'unknown',
] as const
export type AgeBand = (typeof AGE_BANDS)[number]

/** Belgian judicial districts (arrondissements judiciaires). */
export const AREAS = [
  'antwerpen',
  'brussel-bruxelles',
  'eupen',
  'hainaut',
  'leuven',
  'liege',
  'limburg',
  'luxembourg',
  'namur',
  'oost-vlaanderen',
  'waals-brabant',
  'west-vlaanderen',
] as const
export type Area = (typeof AREAS)[number]

export const EXPLOITATION_TYPES = [
  'sexual',
  'labour',
  'begging',
  'criminality',
  'domestic_servitude',
  'forced_marriage',
  'organ_removal',
  'other',
] as const
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number]

export const SECTORS = [
  'agriculture',
  'construction',
  'hospitality',
  'domestic_work',
  'cleaning',
  'manufacturing',
  'transport',
  'retail',
  'car_wash',
  'beauty',
  'fishing',
  'sex_industry',
  'illicit_activities',
  'other',
] as const
export type Sector = (typeof SECTORS)[number]

export const MEANS_OF_CONTROL = [
  'debt_bondage',
  'takes_earnings',
  'restricts_financial_access',
  'threats',
  'psychological_abuse',
  'physical_abuse',
  'sexual_abuse',
  'false_promises',
  'psychoactive_substances',
  'restricts_movement',
  'restricts_medical_care',
  'excessive_working_hours',
  'uses_children',
  'threat_of_law_enforcement',
  'withholds_necessities',
  'withholds_documents',
  'other',
] as const
export type MeansOfControl = (typeof MEANS_OF_CONTROL)[number]

export const RECRUITER_RELATIONS = [
  'intimate_partner',
  'friend',
  'family',
  'employer',
  'agency',
  'other',
  'unknown',
] as const
export type RecruiterRelation = (typeof RECRUITER_RELATIONS)[number]

export const RECRUITMENT_CHANNELS = [
  'online',
  'in_person',
  'agency',
  'family',
  'other',
  'unknown',
] as const
export type RecruitmentChannel = (typeof RECRUITMENT_CHANNELS)[number]

export const TRANSPORT_MODES = [
  'air',
  'road',
  'rail',
  'sea',
  'foot',
  'other',
] as const
export type TransportMode = (typeof TRANSPORT_MODES)[number]

/** Admiralty scale: reliability of the source. */
export const SOURCE_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export type SourceGrade = (typeof SOURCE_GRADES)[number]

export const MIN_CREDIBILITY = 1
export const MAX_CREDIBILITY = 6
export const MIN_PERSONS = 1
export const MAX_PERSONS = 10_000
export const MIN_AGE_YEARS = 0
export const MAX_AGE_YEARS = 120
export const MAX_SUMMARY_CHARS = 500
/** No documented route crosses more countries than this. */
export const MAX_TRANSIT_COUNTRIES = 20

/**
 * ISO 3166-1 alpha-2 codes officially assigned, plus XK (Kosovo), which
 * European statistics use although ISO has not assigned it.
 */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI ' +
    'BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN ' +
    'CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK ' +
    'FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM ' +
    'HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
    'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ' +
    'ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP ' +
    'NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF ' +
    'TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
    'VN VU WF WS YE YT ZA ZM ZW XK'
  ).split(' '),
)

/** A stored record as the API returns it. */
export interface StoredRecord {
  id: number
  partnerId: string
  submittedBy: string | null
  submittedAt: string
  batchId: string | null
  phenomenon: Phenomenon
  /** Month, `YYYY-MM`. */
  observedOn: string
  persons: number
  gender: Gender | null
  ageBand: AgeBand | null
  citizenship: string | null
  origin: string | null
  transit: string[]
  destination: string | null
  area: Area | null
  exploitation: ExploitationType[]
  sector: Sector | null
  meansOfControl: MeansOfControl[]
  recruiterRelation: RecruiterRelation | null
  recruitment: RecruitmentChannel | null
  transport: TransportMode[]
  sourceGrade: SourceGrade | null
  credibility: number | null
  linkageKey: string | null
  summary: string | null
}

/** The fields a partner sets, after validation and generalisation. */
export type RecordValues = Omit<
  StoredRecord,
  'id' | 'partnerId' | 'submittedBy' | 'submittedAt' | 'batchId'
>

/** Field names in the order of the standard; also the CSV column order. */
export const RECORD_FIELD_NAMES = [
  'phenomenon',
  'observedOn',
  'persons',
  'gender',
  'ageBand',
  'citizenship',
  'origin',
  'transit',
  'destination',
  'area',
  'exploitation',
  'sector',
  'meansOfControl',
  'recruiterRelation',
  'recruitment',
  'transport',
  'sourceGrade',
  'credibility',
  'linkageKey',
  'summary',
] as const satisfies readonly (keyof RecordValues)[]

/** Fields that hold a list; in CSV their items are separated by `|`. */
export const LIST_FIELD_NAMES = [
  'transit',
  'exploitation',
  'meansOfControl',
  'transport',
] as const satisfies readonly (keyof RecordValues)[]

/** Accepted on input only: generalised into `ageBand`, never stored. */
export const INPUT_ONLY_FIELD_NAMES = ['age'] as const

import {
  AREAS,
  type Area,
  COUNTRY_CODES,
  type SourceGrade,
} from '../../../../server/records/record-fields'

/** How each field of the standard is named on screen. */
export const FIELD_LABELS = {
  phenomenon: 'Phenomenon',
  observedOn: 'Observed in',
  persons: 'Persons',
  gender: 'Gender',
  age: 'Exact age',
  ageBand: 'Age band',
  citizenship: 'Citizenship',
  origin: 'Origin',
  transit: 'Transit countries',
  destination: 'Destination',
  area: 'Judicial district',
  exploitation: 'Exploitation',
  sector: 'Sector',
  meansOfControl: 'Means of control',
  recruiterRelation: 'Recruiter',
  recruitment: 'Recruitment',
  transport: 'Transport',
  sourceGrade: 'Source reliability',
  credibility: 'Information credibility',
  linkageKey: 'Linkage key',
  summary: 'Summary',
} as const

export type FormFieldName = keyof typeof FIELD_LABELS

export const AREA_LABELS: Record<Area, string> = {
  antwerpen: 'Antwerpen',
  'brussel-bruxelles': 'Brussel / Bruxelles',
  eupen: 'Eupen',
  hainaut: 'Hainaut',
  leuven: 'Leuven',
  liege: 'Liège',
  limburg: 'Limburg',
  luxembourg: 'Luxembourg',
  namur: 'Namur',
  'oost-vlaanderen': 'Oost-Vlaanderen',
  'waals-brabant': 'Waals-Brabant / Brabant wallon',
  'west-vlaanderen': 'West-Vlaanderen',
}

/** The Admiralty scale in words. */
export const SOURCE_GRADE_LABELS: Record<SourceGrade, string> = {
  A: 'A: completely reliable',
  B: 'B: usually reliable',
  C: 'C: fairly reliable',
  D: 'D: not usually reliable',
  E: 'E: unreliable',
  F: 'F: reliability cannot be judged',
}

export const CREDIBILITY_LABELS: Record<string, string> = {
  '1': '1: confirmed by other sources',
  '2': '2: probably true',
  '3': '3: possibly true',
  '4': '4: doubtful',
  '5': '5: improbable',
  '6': '6: truth cannot be judged',
}

/** A code of a vocabulary in words: `domestic_servitude` → "Domestic servitude". */
export function codeLabel(code: string): string {
  if ((AREAS as readonly string[]).includes(code)) {
    return AREA_LABELS[code as Area]
  }
  const words = code.replaceAll('_', ' ')

  return words.charAt(0).toUpperCase() + words.slice(1)
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

/** A country's English name, from the browser's own data: no download. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code
  } catch {
    // A code the browser's data does not know is still shown, as a code.
    return code
  }
}

/** Every country code of the standard, sorted by the country's name. */
export const COUNTRIES_BY_NAME: readonly { code: string; name: string }[] = [
  ...COUNTRY_CODES,
]
  .map((code) => ({ code, name: countryName(code) }))
  .sort((a, b) => a.name.localeCompare(b.name))

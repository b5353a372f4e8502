import {
  AGE_BANDS,
  EXPLOITATION_TYPES,
  GENDERS,
  PHENOMENA,
  SECTORS,
} from '../../../server/records/record-fields'

/**
 * The filters every analysis shares, as the query parameters of
 * `/api/analysis/*` take them: months `YYYY-MM`, the count mode, and for a
 * coded field one value (the board's filter bar offers one at a time).
 */
export interface FilterValues {
  from?: string
  to?: string
  count?: 'persons' | 'distinct'
  phenomenon?: string
  exploitation?: string
  sector?: string
  gender?: string
  ageBand?: string
  citizenship?: string
  origin?: string
  destination?: string
}

export type FilterName = keyof FilterValues

export const FILTER_NAMES: readonly FilterName[] = [
  'from',
  'to',
  'count',
  'phenomenon',
  'exploitation',
  'sector',
  'gender',
  'ageBand',
  'citizenship',
  'origin',
  'destination',
]

/** Coded fields offered as a choice from their vocabulary. */
export const CODED_FILTERS = [
  { name: 'phenomenon', label: 'Phenomenon', values: PHENOMENA },
  { name: 'exploitation', label: 'Exploitation', values: EXPLOITATION_TYPES },
  { name: 'sector', label: 'Sector', values: SECTORS },
  { name: 'gender', label: 'Gender', values: GENDERS },
  { name: 'ageBand', label: 'Age band', values: AGE_BANDS },
] as const satisfies readonly {
  name: FilterName
  label: string
  values: readonly string[]
}[]

/** Country fields, chosen by ISO code. */
export const COUNTRY_FILTERS = [
  { name: 'citizenship', label: 'Citizenship' },
  { name: 'origin', label: 'Origin' },
  { name: 'destination', label: 'Destination' },
] as const satisfies readonly { name: FilterName; label: string }[]

/** The query string of an analysis request; empty filters are left out. */
export function toQuery(filters: FilterValues): Record<string, string> {
  const query: Record<string, string> = {}
  for (const name of FILTER_NAMES) {
    const value = filters[name]
    if (value) query[name] = value
  }

  return query
}

/** Reads filters from any record, keeping only known, non-empty strings. */
export function readFilters(source: Iterable<[string, unknown]>): FilterValues {
  const known = new Set<string>(FILTER_NAMES)
  const filters: Record<string, string> = {}
  for (const [name, value] of source) {
    if (known.has(name) && typeof value === 'string' && value) {
      filters[name] = value
    }
  }

  return filters as FilterValues
}

/** A vocabulary value as a reader would write it: `domestic_work` → … */
/** What a count counts, in the words the charts and tables use. */
export const countedAs = (count: FilterValues['count']) =>
  count === 'distinct' ? 'distinct persons' : 'persons'

export function humanise(value: string): string {
  if (value === 'none') return 'Unknown'
  const words = value.replace(/_/g, ' ')

  return words.charAt(0).toUpperCase() + words.slice(1)
}

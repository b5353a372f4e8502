/** The filters the records list, its export and the analyses share. */
export const FILTER_NAMES = [
  'from',
  'to',
  'phenomenon',
  'exploitation',
  'gender',
  'ageBand',
  'citizenship',
  'origin',
  'transit',
  'destination',
  'area',
  'partner',
  'batch',
] as const
export type FilterName = (typeof FILTER_NAMES)[number]

/** The page's address holds the filters, so a filtered list can be shared. */
export type SearchParams = Partial<Record<string, string | string[]>>

const textOf = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value.join(',') : value)?.trim() ?? ''

export function filterValue(params: SearchParams, name: FilterName): string {
  return textOf(params[name])
}

/** A list filter's values: the API takes them comma-separated. */
export function filterList(params: SearchParams, name: FilterName): string[] {
  return filterValue(params, name).split(',').filter(Boolean)
}

/** The filters set in the address, as the API's query string. */
export function filterQuery(params: SearchParams): URLSearchParams {
  const query = new URLSearchParams()
  for (const name of FILTER_NAMES) {
    const value = filterValue(params, name)
    if (value) query.set(name, value)
  }

  return query
}

export const hasFilters = (params: SearchParams) =>
  filterQuery(params).toString() !== ''

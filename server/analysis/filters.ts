import { z } from 'zod'
import { type InputIssue, validationFailed } from '../http/app-error'
import { ANALYSIS_FIELDS, FIELD_NAMES, type FieldName, NONE } from './fields'
import { addMonths, MONTH, monthIndex, monthsInPeriod } from './months'

/** A closed range of months, both ends included, `YYYY-MM`. */
export interface Period {
  from: string
  to: string
}

/**
 * What every analysis counts and over which records: the one filter shared
 * by trends, flows, maps, signals and forecasts.
 */
export interface AnalysisFilters {
  period: Period
  /**
   * `persons` sums the persons of each record; `distinct` counts a person
   * whom several records share a linkage key for once.
   */
  countMode: CountMode
  /** Accepted values per filtered field; a field absent is not filtered. */
  values: Partial<Record<FieldName, readonly string[]>>
}

export const COUNT_MODES = ['persons', 'distinct'] as const
export type CountMode = (typeof COUNT_MODES)[number]

/** The longest period an analysis reads: twenty years. */
export const MAX_PERIOD_MONTHS = 240

const valueList = (name: FieldName) =>
  z.string().transform((raw, ctx) => {
    const field = ANALYSIS_FIELDS[name]
    const values = [
      ...new Set(
        raw
          .split(',')
          .map((value) => value.trim())
          .filter(Boolean),
      ),
    ]
    if (values.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: `${name} must list at least one value: ${field.rule}`,
      })
    }
    for (const value of values) {
      const isNoneAllowed = value === NONE && field.isNullable
      if (isNoneAllowed || field.accepts(value)) continue
      ctx.addIssue({
        code: 'custom',
        message: `${name}: '${value}' is not ${field.rule}`,
      })
    }

    return values
  })

const month = (name: string) =>
  z.string().regex(MONTH, `${name} must be a month written YYYY-MM`)

/** The query parameters every analysis endpoint accepts. */
export const FILTER_PARAMS = {
  from: month('from').optional(),
  to: month('to').optional(),
  count: z
    .enum(COUNT_MODES, { error: `count must be one of ${COUNT_MODES}` })
    .default('persons'),
  ...(Object.fromEntries(
    FIELD_NAMES.map((name) => [name, valueList(name).optional()]),
  ) as Record<FieldName, z.ZodOptional<ReturnType<typeof valueList>>>),
}

/** Filters as read from the query, before the period is settled. */
export interface RequestedFilters {
  from: string | undefined
  to: string | undefined
  countMode: CountMode
  values: AnalysisFilters['values']
}

/**
 * Reads an endpoint's query string: the shared filters plus its own
 * parameters. Unknown parameters and unknown values are refused with a 400
 * that names each one, so a misspelt filter never silently widens a count.
 */
export function parseAnalysisQuery<Shape extends z.ZodRawShape>(
  query: Record<string, string>,
  ownParams: Shape,
) {
  const schema = z.strictObject({ ...FILTER_PARAMS, ...ownParams })
  const parsed = schema.safeParse(query)
  if (!parsed.success) throw validationFailed(queryIssues(parsed.error))

  const data = parsed.data as Record<string, unknown>
  const values: AnalysisFilters['values'] = {}
  for (const name of FIELD_NAMES) {
    const list = data[name] as string[] | undefined
    if (list) values[name] = list
  }
  const filters: RequestedFilters = {
    from: data.from as string | undefined,
    to: data.to as string | undefined,
    countMode: data.count as CountMode,
    values,
  }

  return { filters, params: parsed.data as z.infer<z.ZodObject<Shape>> }
}

/**
 * Settles the period: `to` defaults to the latest month with records,
 * `from` to `defaultMonths` before it.
 */
export function resolvePeriod(
  requested: Pick<RequestedFilters, 'from' | 'to'>,
  latestMonth: string,
  defaultMonths: number,
): Period {
  const to = requested.to ?? latestMonth
  const from =
    requested.from ?? addMonths(to, -(Math.max(1, defaultMonths) - 1))
  const issues: InputIssue[] = []
  if (monthIndex(from) > monthIndex(to)) {
    issues.push({
      path: 'from',
      code: 'after_to',
      message: `from (${from}) must not be after to (${to})`,
    })
  } else if (monthsInPeriod(from, to) > MAX_PERIOD_MONTHS) {
    issues.push({
      path: 'from',
      code: 'too_long',
      message: `the period from ${from} to ${to} must not exceed ${MAX_PERIOD_MONTHS} months`,
    })
  }
  if (issues.length > 0) throw validationFailed(issues)

  return { from, to }
}

/**
 * Turns a query string's schema errors into input issues; an unknown
 * parameter is named as such rather than reported as a bad key list.
 */
export function queryIssues(error: z.ZodError): InputIssue[] {
  return error.issues.flatMap((issue): InputIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: key,
        code: 'unknown_parameter',
        message: `${key} is not a parameter of this request`,
      }))
    }
    const path = issue.path.join('.')

    return [{ path, code: issue.code, message: issue.message }]
  })
}

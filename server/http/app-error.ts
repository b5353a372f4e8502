import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** One problem with a request's input, named by where it is and the rule. */
export interface InputIssue {
  /** Position in a batch (array index or CSV line), when there is one. */
  index?: number
  /** Dotted path of the field, e.g. `transit.2`. */
  path: string
  /** Stable machine-readable rule name, e.g. `too_small`. */
  code: string
  /** Plain sentence naming the field and the rule. */
  message: string
}

/**
 * An expected failure that maps to one HTTP answer. Every route throws these;
 * the app's single error handler turns them into the JSON error shape
 * `{ code, message, ...details }`.
 */
export class AppError extends Error {
  readonly status: ContentfulStatusCode
  readonly code: string
  readonly details: Record<string, unknown>

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'AppError'
    this.status = status
    this.code = code
    this.details = details
  }
}

export function validationFailed(issues: InputIssue[]): AppError {
  const first = issues[0]
  const message = first
    ? `${issues.length} problem(s) in the input; first: ${first.message}`
    : 'The input is not valid'

  return new AppError(400, 'validation_failed', message, { issues })
}

export const notFound = (what: string): AppError =>
  new AppError(404, 'not_found', `${what} was not found`)

export const forbidden = (reason: string): AppError =>
  new AppError(403, 'forbidden', reason)

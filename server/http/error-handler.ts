import type { ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Logger } from '../logger'
import { AppError } from './app-error'

/** The one JSON shape of every failure the API answers. */
export interface ErrorBody {
  code: string
  message: string
  [detail: string]: unknown
}

/** Maps every thrown error to the JSON error shape; hides internals. */
export function createErrorHandler(log: Logger): ErrorHandler {
  return function handleError(error, c) {
    if (error instanceof AppError) {
      const body: ErrorBody = {
        ...error.details,
        code: error.code,
        message: error.message,
      }

      return c.json(body, error.status)
    }
    if (error instanceof HTTPException) {
      const body: ErrorBody = {
        code: codeForStatus(error.status),
        message: error.message || 'The request could not be handled',
      }

      return c.json(body, error.status)
    }
    log.error(
      { err: error, method: c.req.method, path: c.req.path },
      'request failed',
    )

    return c.json(
      { code: 'internal_error', message: 'Something went wrong on our side' },
      500,
    )
  }
}

export const handleNotFound: NotFoundHandler = (c) =>
  c.json(
    {
      code: 'not_found',
      message: `No route for ${c.req.method} ${c.req.path}`,
    },
    404,
  )

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'bad_request'
    case 401:
      return 'unauthenticated'
    case 403:
      return 'forbidden'
    case 404:
      return 'not_found'
    case 413:
      return 'payload_too_large'
    case 429:
      return 'too_many_attempts'
    default:
      return status >= 500 ? 'internal_error' : 'request_failed'
  }
}

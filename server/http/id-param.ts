import type { Context } from 'hono'
import { notFound } from './app-error'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A path parameter that must be a UUID. Anything else names nothing, so it
 * answers 404 rather than reaching the database as a malformed value.
 */
export function uuidParam(c: Context, name: string, what: string): string {
  const value = c.req.param(name)
  if (!value || !UUID.test(value)) throw notFound(what)

  return value.toLowerCase()
}

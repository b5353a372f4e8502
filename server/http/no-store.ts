import { createMiddleware } from 'hono/factory'

/**
 * API answers carry people's details and the trail: no browser or proxy
 * cache may keep them.
 */
export function noStore() {
  return createMiddleware(async function setNoStore(c, next) {
    await next()
    c.header('Cache-Control', 'no-store')
  })
}

import { createMiddleware } from 'hono/factory'
import type { Config } from '../config/config'
import { AppError } from '../http/app-error'
import type { AppEnv } from './actor'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Whether a browser request comes from the site itself: its `Origin` is the
 * configured public origin, or the browser vouches with
 * `Sec-Fetch-Site: same-origin`. A request with neither header is refused,
 * since a browser sends at least one on every state-changing request.
 */
export function isSameOriginRequest(
  headers: Headers,
  config: Pick<Config, 'publicOrigin'>,
): boolean {
  const origin = headers.get('origin')
  if (origin !== null && origin === new URL(config.publicOrigin).origin) {
    return true
  }

  return headers.get('sec-fetch-site') === 'same-origin'
}

/**
 * Refuses (403) a state-changing request that a browser sent from another
 * site, before any route runs: the defence against cross-site request
 * forgery, on top of the SameSite=Strict cookie. Calls carrying an
 * `Authorization` header are exempt: a browser never attaches one on its
 * own, so they cannot be forged cross-site, and machines send no Origin.
 */
export function originCheck(config: Pick<Config, 'publicOrigin'>) {
  return createMiddleware<AppEnv>(async function checkOrigin(c, next) {
    const isStateChanging = !SAFE_METHODS.has(c.req.method)
    const hasAuthorization = c.req.header('authorization') !== undefined
    const isRefused =
      isStateChanging &&
      !hasAuthorization &&
      !isSameOriginRequest(c.req.raw.headers, config)
    if (isRefused) {
      throw new AppError(
        403,
        'cross_origin_refused',
        'This request did not come from this site',
      )
    }

    await next()
  })
}

import { Hono } from 'hono'
import type { AppEnv } from './auth/actor'
import { authenticate } from './auth/authenticate'
import { originCheck } from './auth/origin-check'
import { healthRoutes } from './health/health-routes'
import { createErrorHandler, handleNotFound } from './http/error-handler'
import { securityHeaders } from './http/security-headers'
import type { Services } from './services'
import { staticRoutes } from './web/static-routes'

/**
 * Composes the capabilities into one Hono app. Routes are chained so that
 * `AppType` carries every route's types to the web app's RPC client.
 */
export function createApp(services: Services) {
  const api = new Hono<AppEnv>()
    .use(securityHeaders())
    .use(originCheck(services.config))
    .use(authenticate(services))
    .route('/', healthRoutes(services))

  api.route('/', staticRoutes())
  api.onError(createErrorHandler(services.log))
  api.notFound(handleNotFound)

  return api
}

export type AppType = ReturnType<typeof createApp>

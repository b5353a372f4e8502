import { Hono } from 'hono'
import { analysisRoutes } from './analysis/analysis-routes'
import { auditRoutes } from './audit/audit-routes'
import type { AppEnv } from './auth/actor'
import { authRoutes } from './auth/auth-routes'
import { authenticate } from './auth/authenticate'
import { originCheck } from './auth/origin-check'
import { passwordRoutes } from './auth/password-routes'
import { sessionRoutes } from './auth/session-routes'
import { boardMemberRoutes } from './boards/board-member-routes'
import { boardRoutes } from './boards/board-routes'
import { boardVersionRoutes } from './boards/board-version-routes'
import { healthRoutes } from './health/health-routes'
import { createErrorHandler, handleNotFound } from './http/error-handler'
import { noStore } from './http/no-store'
import { securityHeaders } from './http/security-headers'
import { partnerRoutes } from './partners/partner-routes'
import { tokenRoutes } from './partners/token-routes'
import { userRoutes } from './partners/user-routes'
import { importRoutes } from './records/csv/import-routes'
import { exportRoutes } from './records/export/export-routes'
import { recordsRoutes } from './records/records-routes'
import type { Services } from './services'
import { syncRoutes } from './sync/sync-routes'
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
    .use('/api/*', noStore())
    .route('/', healthRoutes(services))
    .route('/', authRoutes(services))
    .route('/', sessionRoutes(services))
    .route('/', passwordRoutes(services))
    .route('/', partnerRoutes(services))
    .route('/', userRoutes(services))
    .route('/', tokenRoutes(services))
    .route('/', auditRoutes(services))
    .route('/', importRoutes(services))
    .route('/', exportRoutes(services))
    .route('/', recordsRoutes(services))
    .route('/', boardRoutes(services))
    .route('/', boardMemberRoutes(services))
    .route('/', boardVersionRoutes(services))
    .route('/', syncRoutes(services))
    .route('/', analysisRoutes(services))

  api.route('/', staticRoutes())
  api.onError(createErrorHandler(services.log))
  api.notFound(handleNotFound)

  return api
}

export type AppType = ReturnType<typeof createApp>

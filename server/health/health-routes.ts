import { Hono } from 'hono'
import type { AppEnv } from '../auth/actor'
import type { Services } from '../services'

/** Liveness for load balancers: 200 only while the database answers. */
export function healthRoutes({ database, log }: Services) {
  return new Hono<AppEnv>().get('/healthz', async (c) => {
    try {
      await database.ping()

      return c.json({ status: 'ok', database: database.kind }, 200)
    } catch (error) {
      log.warn({ err: error }, 'health check failed')

      return c.json(
        {
          code: 'database_unavailable',
          message: 'The database does not answer',
        },
        503,
      )
    }
  })
}

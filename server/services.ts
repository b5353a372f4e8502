import type { DatabaseHandle } from '../db/open-database'
import type { SessionEvents } from './auth/session-events'
import type { Config } from './config/config'
import type { Logger } from './logger'

/**
 * What every capability of the server is built from. Passed down explicitly
 * so that tests can build an app on a test database with a silent logger
 * and a controlled clock.
 */
export interface Services {
  config: Readonly<Config>
  database: DatabaseHandle
  log: Logger
  /** The current time; tests replace it to move through expiry. */
  now: () => Date
  /** Tells live connections that sessions ended; see `SessionEvents`. */
  sessionEvents: SessionEvents
}

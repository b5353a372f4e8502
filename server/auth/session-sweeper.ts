import type { Services } from '../services'
import { deleteExpiredSessions } from './sessions'

const SWEEP_INTERVAL_MS = 3_600_000

/**
 * Deletes expired sessions now and then every hour. Expired sessions are
 * refused anyway; this only keeps the table small. Returns a stop function.
 */
export function startSessionSweeper(services: Services): () => void {
  const sweep = async () => {
    try {
      const expired = await deleteExpiredSessions(services)
      if (expired > 0)
        services.log.info({ expired }, 'expired sessions removed')
    } catch (error) {
      services.log.warn({ err: error }, 'expired session sweep failed')
    }
  }
  void sweep()
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS)
  timer.unref()

  return () => clearInterval(timer)
}

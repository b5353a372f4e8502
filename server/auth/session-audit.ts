import { recordAudit } from '../audit/audit-trail'
import type { Services } from '../services'
import type { Actor } from './actor'
import type { SessionEndReason } from './session-events'

/** One trail event for sessions of one user ended together, if any. */
export async function auditSessionsEnded(
  services: Pick<Services, 'database' | 'now'>,
  event: {
    actor: Actor | null
    userId: string
    sessionIds: readonly string[]
    reason: SessionEndReason
    ipAddress: string | null
  },
): Promise<void> {
  if (event.sessionIds.length === 0) return

  await recordAudit(
    services.database.db,
    {
      action: 'auth.sessions_ended',
      actor: event.actor,
      targetType: 'user',
      targetId: event.userId,
      ipAddress: event.ipAddress,
      details: { reason: event.reason, sessionIds: event.sessionIds },
    },
    services.now(),
  )
}

import type { Database } from '../../db/open-database'
import { auditEvents } from '../../db/schema'
import type { Actor } from '../auth/actor'

/** What happened, in the trail's own vocabulary (`area.verb`). */
export interface AuditEvent {
  action: string
  outcome?: 'success' | 'failure'
  actor?: Actor | null
  targetType?: string
  targetId?: string
  ipAddress?: string | null
  /** Ids and counts only: never a secret, a password or record content. */
  details?: Record<string, unknown>
}

type Writer = Pick<Database, 'insert'>

/**
 * Appends one event to the audit trail. Pass a transaction as `db` when the
 * event must land together with the change it describes.
 */
export async function recordAudit(
  db: Writer,
  event: AuditEvent,
  occurredAt: Date = new Date(),
): Promise<void> {
  const actor = event.actor ?? null

  await db.insert(auditEvents).values({
    occurredAt,
    action: event.action,
    outcome: event.outcome ?? 'success',
    actorUserId: actor?.kind === 'user' ? actor.userId : null,
    actorPartnerId: actor?.partnerId ?? null,
    actorTokenId: actor?.kind === 'token' ? actor.tokenId : null,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    ipAddress: event.ipAddress ?? null,
    details: event.details ?? {},
  })
}

import type { Me, Role } from '../../api/types'
import type { StoredRecord } from './records-api'

// The same roles as the server's records routes; the server still decides,
// this only keeps buttons away from people who would be refused.
const WRITING_ROLES: readonly Role[] = ['analyst', 'coordinator', 'admin']

/** Whether this person may submit, import, edit and withdraw records. */
export function canWriteRecords(user: Me | null | undefined): boolean {
  return Boolean(user && WRITING_ROLES.includes(user.role))
}

/** Whether this person may edit or withdraw this record: its partner's. */
export function canChangeRecord(
  user: Me | null | undefined,
  record: Pick<StoredRecord, 'partnerId'>,
): boolean {
  return canWriteRecords(user) && user?.partnerId === record.partnerId
}

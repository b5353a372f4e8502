import { ANY_ROLE } from '../auth/guards'
import {
  type AccessEntry,
  onlyRoles,
  UNKNOWN_ID,
} from '../testing/access-matrix'

export const accessEntries: AccessEntry[] = [
  {
    method: 'GET',
    route: '/sync/:boardId',
    request: () => ({ path: `/sync/${UNKNOWN_ID}` }),
    expect: onlyRoles(ANY_ROLE, 404),
  },
]

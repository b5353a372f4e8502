import { type AccessEntry, onlyRoles } from '../testing/access-matrix'

export const accessEntries: AccessEntry[] = [
  { method: 'GET', route: '/api/audit', expect: onlyRoles(['admin'], 200) },
]

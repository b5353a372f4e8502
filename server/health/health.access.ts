import { type AccessEntry, everyone } from '../testing/access-matrix'

export const accessEntries: AccessEntry[] = [
  { method: 'GET', route: '/healthz', expect: everyone(200) },
]

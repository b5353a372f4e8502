import { ANY_ROLE } from '../auth/guards'
import { type AccessEntry, onlyRoles } from '../testing/access-matrix'

const ANALYSES = ['trends', 'flows', 'map', 'signals', 'forecast']

// An unknown parameter is refused before anything is counted: allowed
// callers get 400, which shows access without running an analysis.
export const accessEntries: AccessEntry[] = ANALYSES.map((name) => ({
  method: 'GET',
  route: `/api/analysis/${name}`,
  request: () => ({ path: `/api/analysis/${name}?unknownParameter=1` }),
  expect: onlyRoles(ANY_ROLE, 400, { token: 400 }),
}))

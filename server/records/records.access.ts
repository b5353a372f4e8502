import { ANY_ROLE } from '../auth/guards'
import {
  type AccessEntry,
  onlyRoles,
  UNKNOWN_ID,
} from '../testing/access-matrix'
import { WRITING_ROLES } from './records-routes'

// An id far beyond any test's records: allowed callers get 404.
const UNKNOWN_RECORD_PATH = '/api/records/900000000000'

export const accessEntries: AccessEntry[] = [
  {
    method: 'GET',
    route: '/api/records',
    expect: onlyRoles(ANY_ROLE, 200, { token: 200 }),
  },
  {
    method: 'POST',
    route: '/api/records',
    request: () => ({ body: {} }),
    expect: onlyRoles(WRITING_ROLES, 400, { token: 400 }),
  },
  {
    method: 'GET',
    route: '/api/records/:id{[0-9]+}',
    request: () => ({ path: UNKNOWN_RECORD_PATH }),
    expect: onlyRoles(ANY_ROLE, 404, { token: 404 }),
  },
  {
    method: 'PATCH',
    route: '/api/records/:id{[0-9]+}',
    request: () => ({ path: UNKNOWN_RECORD_PATH, body: {} }),
    expect: onlyRoles(WRITING_ROLES, 404, { token: 404 }),
  },
  {
    method: 'DELETE',
    route: '/api/records/:id{[0-9]+}',
    request: () => ({ path: UNKNOWN_RECORD_PATH }),
    expect: onlyRoles(WRITING_ROLES, 404, { token: 404 }),
  },
  {
    method: 'POST',
    route: '/api/records/import',
    expect: onlyRoles(WRITING_ROLES, 400, { token: 400 }),
  },
  {
    method: 'GET',
    route: '/api/records/batches',
    expect: onlyRoles(ANY_ROLE, 200, { token: 200 }),
  },
  {
    method: 'GET',
    route: '/api/records/batches/:id',
    request: () => ({ path: `/api/records/batches/${UNKNOWN_ID}` }),
    expect: onlyRoles(ANY_ROLE, 404, { token: 404 }),
  },
  {
    method: 'DELETE',
    route: '/api/records/batches/:id',
    request: () => ({ path: `/api/records/batches/${UNKNOWN_ID}` }),
    expect: onlyRoles(WRITING_ROLES, 404, { token: 404 }),
  },
  {
    method: 'GET',
    route: '/api/records/export.csv',
    request: () => ({
      path: '/api/records/export.csv?from=1900-01&to=1900-01',
    }),
    expect: onlyRoles(ANY_ROLE, 200, { token: 200 }),
  },
]

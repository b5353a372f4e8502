import { ANY_ROLE } from '../auth/guards'
import {
  type AccessEntry,
  onlyRoles,
  UNKNOWN_ID,
} from '../testing/access-matrix'

const ADMIN = ['admin'] as const

export const accessEntries: AccessEntry[] = [
  { method: 'GET', route: '/api/partners', expect: onlyRoles(ANY_ROLE, 200) },
  {
    method: 'POST',
    route: '/api/partners',
    request: () => ({ body: {} }),
    expect: onlyRoles(ADMIN, 400),
  },
  {
    method: 'PATCH',
    route: '/api/partners/:id',
    request: () => ({
      path: `/api/partners/${UNKNOWN_ID}`,
      body: { name: 'Nobody at all' },
    }),
    expect: onlyRoles(ADMIN, 404),
  },
  { method: 'GET', route: '/api/users', expect: onlyRoles(ADMIN, 200) },
  {
    method: 'POST',
    route: '/api/users',
    request: () => ({ body: {} }),
    expect: onlyRoles(ADMIN, 400),
  },
  {
    method: 'PATCH',
    route: '/api/users/:id',
    request: () => ({
      path: `/api/users/${UNKNOWN_ID}`,
      body: { displayName: 'Nobody' },
    }),
    expect: onlyRoles(ADMIN, 404),
  },
  {
    method: 'GET',
    route: '/api/users/:id/sessions',
    request: () => ({ path: `/api/users/${UNKNOWN_ID}/sessions` }),
    expect: onlyRoles(ADMIN, 404),
  },
  {
    method: 'DELETE',
    route: '/api/users/:id/sessions',
    request: () => ({ path: `/api/users/${UNKNOWN_ID}/sessions` }),
    expect: onlyRoles(ADMIN, 404),
  },
  { method: 'GET', route: '/api/tokens', expect: onlyRoles(ADMIN, 200) },
  {
    method: 'POST',
    route: '/api/tokens',
    request: () => ({ body: {} }),
    expect: onlyRoles(ADMIN, 400),
  },
  {
    method: 'DELETE',
    route: '/api/tokens/:id',
    request: () => ({ path: `/api/tokens/${UNKNOWN_ID}` }),
    expect: onlyRoles(ADMIN, 404),
  },
]

import { uniqueSuffix } from '../../db/testing/test-database'
import { type AccessEntry, everyone, onlyRoles } from '../testing/access-matrix'
import { ANY_ROLE } from './guards'

export const accessEntries: AccessEntry[] = [
  {
    method: 'POST',
    route: '/api/auth/login',
    request: () => ({
      body: {
        email: `nobody-${uniqueSuffix()}@test.example`,
        password: 'not anyone’s password',
      },
    }),
    expect: everyone(401),
  },
  {
    method: 'POST',
    route: '/api/auth/logout',
    expect: onlyRoles(ANY_ROLE, 204, { anonymous: 204 }),
  },
  { method: 'GET', route: '/api/me', expect: onlyRoles(ANY_ROLE, 200) },
  { method: 'GET', route: '/api/sessions', expect: onlyRoles(ANY_ROLE, 200) },
  {
    method: 'DELETE',
    route: '/api/sessions',
    expect: onlyRoles(ANY_ROLE, 200),
  },
  {
    method: 'DELETE',
    route: '/api/sessions/:id',
    request: () => ({ path: '/api/sessions/unknownsessionid' }),
    expect: onlyRoles(ANY_ROLE, 404),
  },
  {
    method: 'POST',
    route: '/api/users/me/password',
    request: () => ({ body: {} }),
    expect: onlyRoles(ANY_ROLE, 400),
  },
]

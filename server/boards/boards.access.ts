import { ANY_ROLE } from '../auth/guards'
import {
  type AccessEntry,
  onlyRoles,
  UNKNOWN_ID,
} from '../testing/access-matrix'

const onBoard = (suffix = '') => ({
  path: `/api/boards/${UNKNOWN_ID}${suffix}`,
  body: {},
})
const readBoard = (suffix = '') => ({
  path: `/api/boards/${UNKNOWN_ID}${suffix}`,
})
const onMember = () => onBoard(`/members/${UNKNOWN_ID}`)

export const accessEntries: AccessEntry[] = [
  {
    method: 'POST',
    route: '/api/boards',
    request: () => ({ body: {} }),
    expect: onlyRoles(['coordinator', 'analyst'], 400),
  },
  { method: 'GET', route: '/api/boards', expect: onlyRoles(ANY_ROLE, 200) },
  {
    method: 'GET',
    route: '/api/boards/:id',
    request: () => readBoard(),
    expect: onlyRoles(ANY_ROLE, 404),
  },
  {
    method: 'PATCH',
    route: '/api/boards/:id',
    request: () => onBoard(),
    expect: onlyRoles(ANY_ROLE, 404),
  },
  {
    method: 'POST',
    route: '/api/boards/:id/archive',
    request: () => onBoard('/archive'),
    expect: onlyRoles(ANY_ROLE, 404),
  },
  {
    method: 'GET',
    route: '/api/boards/:id/members',
    request: () => readBoard('/members'),
    expect: onlyRoles(ANY_ROLE, 404),
  },
  {
    method: 'PUT',
    route: '/api/boards/:id/members/:userId',
    request: onMember,
    expect: onlyRoles(ANY_ROLE, 404),
  },
  {
    method: 'DELETE',
    route: '/api/boards/:id/members/:userId',
    request: onMember,
    expect: onlyRoles(ANY_ROLE, 404),
  },
  {
    method: 'GET',
    route: '/api/boards/:id/versions',
    request: () => readBoard('/versions'),
    expect: onlyRoles(ANY_ROLE, 404),
  },
  {
    method: 'POST',
    route: '/api/boards/:id/versions',
    request: () => onBoard('/versions'),
    expect: onlyRoles(['coordinator'], 404),
  },
  {
    method: 'POST',
    route: '/api/boards/:id/versions/:versionId/restore',
    request: () => onBoard(`/versions/${UNKNOWN_ID}/restore`),
    expect: onlyRoles(['coordinator'], 404),
  },
]

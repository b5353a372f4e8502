import type { Role } from '../auth/actor'
import type { TestServices } from './test-app'

/**
 * The access matrix: for every route of the app, the status each kind of
 * caller gets. `server/auth/access-matrix.db.test.ts` runs it against the
 * real app and fails for any route that has no entry, so a new route must
 * come with one.
 *
 * Entries live next to their routes, in any `server/**\/*.access.ts` file
 * that exports `accessEntries: AccessEntry[]`; the test finds them itself.
 */
export const MATRIX_ACTORS = [
  'anonymous',
  'reviewer',
  'analyst',
  'coordinator',
  'admin',
  'token',
] as const
export type MatrixActor = (typeof MATRIX_ACTORS)[number]

export type ExpectedStatuses = Record<MatrixActor, number>

export interface MatrixContext {
  services: TestServices
  actor: MatrixActor
  /** The caller's partner; anonymous callers get the token's partner. */
  partnerId: string
}

export interface MatrixRequest {
  /** The concrete path; defaults to the route when it has no parameter. */
  path?: string
  body?: unknown
  headers?: Record<string, string>
}

export interface AccessEntry {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** The route exactly as registered, e.g. `/api/users/:id`. */
  route: string
  /**
   * What to send. Prefer requests that change nothing (an unknown id, an
   * invalid body) so that the statuses show access, not side effects: e.g.
   * 404 or 400 for an allowed caller, 401/403 for the others.
   */
  request?: (context: MatrixContext) => MatrixRequest | Promise<MatrixRequest>
  expect: ExpectedStatuses
}

/** An id that names nothing, for routes with an `:id`. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000'

/**
 * Signed-in `roles` get `allowedStatus`; other roles 403, anonymous 401 and
 * the API token (which carries every scope) 403, unless `overrides` says
 * otherwise.
 */
export function onlyRoles(
  roles: readonly Role[],
  allowedStatus: number,
  overrides: Partial<ExpectedStatuses> = {},
): ExpectedStatuses {
  const forRole = (role: Role) => (roles.includes(role) ? allowedStatus : 403)

  return {
    anonymous: 401,
    reviewer: forRole('reviewer'),
    analyst: forRole('analyst'),
    coordinator: forRole('coordinator'),
    admin: forRole('admin'),
    token: 403,
    ...overrides,
  }
}

/** Every caller gets the same status: a public route. */
export function everyone(status: number): ExpectedStatuses {
  return {
    anonymous: status,
    reviewer: status,
    analyst: status,
    coordinator: status,
    admin: status,
    token: status,
  }
}

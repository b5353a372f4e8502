import { createMiddleware } from 'hono/factory'
import { AppError } from '../http/app-error'
import type { Actor, AppEnv, Role, TokenScope } from './actor'

export interface AccessRule {
  /** Roles of signed-in people allowed through; none means nobody. */
  roles?: readonly Role[]
  /** The scope an API token needs; tokens are refused without one. */
  scope?: TokenScope
}

/**
 * Lets a request through only when its actor satisfies the rule: 401 when
 * nobody is signed in, 403 when the role or token scope falls short.
 */
export function requireActor(rule: AccessRule) {
  return createMiddleware<AppEnv>(async function checkAccess(c, next) {
    const actor = c.get('actor')
    if (!actor) {
      throw new AppError(401, 'unauthenticated', 'Sign in to continue')
    }
    if (!isAllowed(actor, rule)) {
      throw new AppError(403, 'forbidden', 'Your access does not allow this')
    }

    await next()
  })
}

export function isAllowed(actor: Actor, rule: AccessRule): boolean {
  switch (actor.kind) {
    case 'user':
      return rule.roles?.includes(actor.role) ?? false
    case 'token':
      return rule.scope !== undefined && actor.scopes.includes(rule.scope)
  }
}

/** Every role that may read the shared dataset and boards. */
export const ANY_ROLE: readonly Role[] = [
  'admin',
  'coordinator',
  'analyst',
  'reviewer',
]

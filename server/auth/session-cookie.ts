import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { parse } from 'hono/utils/cookie'

/**
 * The session cookie. The `__Host-` prefix makes browsers refuse it unless
 * it is Secure, host-only and for Path=/, so a sibling subdomain cannot
 * plant or overwrite it. Browsers treat http://localhost as secure, so the
 * same cookie works in development and tests.
 */
export const SESSION_COOKIE_NAME = '__Host-ciatteh-session'

export function setSessionCookie(
  c: Context,
  token: string,
  expiresAt: Date,
): void {
  setCookie(c, SESSION_COOKIE_NAME, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/',
    expires: expiresAt,
  })
}

export function deleteSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE_NAME, {
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    path: '/',
  })
}

/** The session token of a Hono request, if it carries one. */
export function readSessionToken(c: Context): string | null {
  return getCookie(c, SESSION_COOKIE_NAME) || null
}

/**
 * The session token of a raw request, for code that sees the request
 * before Hono does (e.g. a WebSocket upgrade).
 */
export function readSessionTokenFromHeaders(headers: Headers): string | null {
  const cookieHeader = headers.get('cookie')
  if (!cookieHeader) return null

  return parse(cookieHeader, SESSION_COOKIE_NAME)[SESSION_COOKIE_NAME] || null
}

/** The `Cookie` header value that carries a token, for tests and tools. */
export function sessionCookieHeader(token: string): string {
  return `${SESSION_COOKIE_NAME}=${token}`
}

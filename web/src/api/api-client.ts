/**
 * Calls the server's JSON API from the browser. Requests are same-origin,
 * so the browser attaches the session cookie and an Origin header itself;
 * every failure arrives as the API's one error shape, thrown as ApiError.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

/** A server type as it arrives over JSON: dates become ISO strings. */
export type Json<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? Json<Item>[]
    : T extends object
      ? { [Key in keyof T]: Json<T[Key]> }
      : T

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/** Listeners told when the server says the session is gone (401). */
const signedOutListeners = new Set<() => void>()

export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener)
  return () => signedOutListeners.delete(listener)
}

export async function apiRequest<T>(
  method: Method,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (response.status === 204) return undefined as T

  const payload = await response.json().catch(() => ({}))
  if (response.ok) return payload as T

  throw failureOf(response.status, payload)
}

/**
 * Turns a failed answer into an ApiError carrying the server's one error
 * shape. A 401 also tells the page that the session is gone, which sends
 * the person back to the sign-in page.
 */
export function failureOf(status: number, payload: unknown): ApiError {
  const { code, message, ...details } = (payload ?? {}) as Record<
    string,
    unknown
  >
  if (status === 401) {
    for (const listener of signedOutListeners) listener()
  }

  return new ApiError(
    status,
    typeof code === 'string' ? code : 'request_failed',
    typeof message === 'string' ? message : `The server answered ${status}`,
    details,
  )
}

/** A sentence for the person in front of the screen. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return 'The server could not be reached; try again.'
}

import type { ClientResponse } from 'hono/client'
import { hc } from 'hono/client'
import type { AppType } from '../../../server/app'
import { failureOf } from './api-client'

/** The API, typed from the server's routes: one definition for both. */
export const api = hc<AppType>('/')

type OkBody<Response> =
  Response extends ClientResponse<infer Body, infer Status, 'json'>
    ? Status extends 200 | 201
      ? Body
      : never
    : never

/**
 * The body of a successful answer; any other answer becomes an ApiError
 * carrying the server's one error shape.
 */
export async function readOk<
  Response extends ClientResponse<unknown, number, 'json'>,
>(response: Response): Promise<OkBody<Response>> {
  const payload = await response.json().catch(() => ({}))
  if (response.ok) return payload as OkBody<Response>

  throw failureOf(response.status, payload)
}

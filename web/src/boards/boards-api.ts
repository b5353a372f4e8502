import type { ClientResponse, InferResponseType } from 'hono/client'
import { hc } from 'hono/client'
import type { AppType } from '../../../server/app'
import { ApiError } from '../api/api-client'
import { loadMe } from '../auth/auth-state'

/** The API, typed from the server's routes: one definition for both. */
export const api = hc<AppType>('/')

export type BoardListItem = InferResponseType<
  typeof api.api.boards.$get,
  200
>['boards'][number]

export type BoardDetails = InferResponseType<
  (typeof api.api.boards)[':id']['$get'],
  200
>['board']

export type BoardVisibility = BoardListItem['visibility']

export type PartnerListItem = InferResponseType<
  typeof api.api.partners.$get,
  200
>['partners'][number]

export async function listBoards(): Promise<BoardListItem[]> {
  const response = await api.api.boards.$get({ query: {} })
  return (await readOk(response)).boards
}

export async function getBoard(id: string): Promise<BoardDetails> {
  const response = await api.api.boards[':id'].$get({ param: { id } })
  return (await readOk(response)).board
}

export async function createBoard(input: {
  title: string
  visibility: BoardVisibility
}): Promise<string> {
  const response = await api.api.boards.$post({ json: input })
  return (await readOk(response)).id
}

export async function listPartners(): Promise<PartnerListItem[]> {
  const response = await api.api.partners.$get()
  return (await readOk(response)).partners
}

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
  const payload = (await response.json().catch(() => ({}))) as Record<
    string,
    unknown
  >
  if (response.ok) return payload as OkBody<Response>

  const { code, message, ...details } = payload
  // Asking who is signed in tells the whole page when the session is gone,
  // which sends the person back to the sign-in page.
  if (response.status === 401) void loadMe()
  throw new ApiError(
    response.status,
    typeof code === 'string' ? code : 'request_failed',
    typeof message === 'string'
      ? message
      : `The server answered ${response.status}`,
    details,
  )
}

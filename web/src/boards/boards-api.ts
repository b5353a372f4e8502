import type { InferResponseType } from 'hono/client'
import { api, readOk } from '../api/rpc-client'

export type BoardListItem = InferResponseType<
  typeof api.api.boards.$get,
  200
>['boards'][number]

export type BoardDetails = InferResponseType<
  (typeof api.api.boards)[':id']['$get'],
  200
>['board']

export type BoardVisibility = BoardListItem['visibility']

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

import { A, useParams } from '@solidjs/router'
import { createResource, Match, Show, Switch } from 'solid-js'
import { describeError } from '../api/api-client'
import { me } from '../auth/auth-state'
import { BoardWorkspace } from './board-workspace'
import { getBoard } from './boards-api'
import '../pages/forms.css'
import './boards.css'

/** `/boards/:id`: one live board, once its details have loaded. */
export function BoardPage() {
  const params = useParams<{ id: string }>()
  const [board] = createResource(() => params.id, getBoard)

  return (
    <Switch>
      <Match when={board.error}>
        <div class="page">
          <p class="page-status" role="alert">
            {describeError(board.error)} <A href="/boards">Back to boards</A>
          </p>
        </div>
      </Match>
      <Match when={board()}>
        {(details) => (
          <Show when={me()} keyed>
            {(user) => (
              <Show when={details().id} keyed>
                <BoardWorkspace board={details()} user={user} />
              </Show>
            )}
          </Show>
        )}
      </Match>
      <Match when={board.loading}>
        <p class="page-status">Opening the board…</p>
      </Match>
    </Switch>
  )
}

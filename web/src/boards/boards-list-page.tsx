import { A, useNavigate } from '@solidjs/router'
import {
  createResource,
  createSignal,
  For,
  Match,
  Show,
  Switch,
} from 'solid-js'
import { describeError } from '../api/api-client'
import { fetchPartners } from '../api/directory-api'
import { formatTime } from '../api/labels'
import { me } from '../auth/auth-state'
import { ErrorLine } from '../components/form-messages'
import { type BoardVisibility, createBoard, listBoards } from './boards-api'
import '../pages/forms.css'
import './boards.css'

const VISIBILITY_OPTIONS: { value: BoardVisibility; label: string }[] = [
  { value: 'centre', label: 'Whole centre' },
  { value: 'partner', label: 'My partner only' },
  { value: 'members', label: 'Invited members only' },
]
const VISIBILITY_LABELS = Object.fromEntries(
  VISIBILITY_OPTIONS.map((option) => [option.value, option.label]),
) as Record<BoardVisibility, string>

/** `/boards`: the boards open to the person, and a way to start one. */
export function BoardsListPage() {
  const [boards] = createResource(listBoards)
  const [partners] = createResource(fetchPartners)
  const partnerName = (id: string) =>
    partners()?.find((partner) => partner.id === id)?.name ?? '—'
  const canCreate = () =>
    me()?.role === 'coordinator' || me()?.role === 'analyst'

  return (
    <div class="page">
      <h1>Boards</h1>
      <p class="page-lead">
        Live boards where partners annotate trends, routes and indicator maps
        together.
      </p>
      <Show when={canCreate()}>
        <NewBoardForm />
      </Show>
      <h2>Open to you</h2>
      <Switch>
        <Match when={boards.error}>
          <p class="page-status" role="alert">
            {describeError(boards.error)}
          </p>
        </Match>
        <Match when={boards()?.length === 0}>
          <p class="page-status">No board is open to you yet.</p>
        </Match>
        <Match when={boards()}>
          {(list) => (
            <table class="table boards-table">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Visibility</th>
                  <th scope="col">Owner partner</th>
                  <th scope="col">Your access</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(board) => (
                    <tr>
                      <th scope="row">
                        <A href={`/boards/${board.id}`}>{board.title}</A>
                      </th>
                      <td>{VISIBILITY_LABELS[board.visibility]}</td>
                      <td>{partnerName(board.ownerPartnerId)}</td>
                      <td>{board.access === 'editor' ? 'Edit' : 'View'}</td>
                      <td>{formatTime(board.updatedAt)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          )}
        </Match>
        <Match when={boards.loading}>
          <p class="page-status">Loading boards…</p>
        </Match>
      </Switch>
    </div>
  )
}

function NewBoardForm() {
  const navigate = useNavigate()
  const [title, setTitle] = createSignal('')
  const [visibility, setVisibility] = createSignal<BoardVisibility>('centre')
  const [error, setError] = createSignal<string | null>(null)
  const [isCreating, setCreating] = createSignal(false)

  const onSubmit = async (event: SubmitEvent) => {
    event.preventDefault()
    setError(null)
    setCreating(true)
    try {
      const id = await createBoard({
        title: title(),
        visibility: visibility(),
      })
      navigate(`/boards/${id}`)
    } catch (failure) {
      setError(describeError(failure))
    } finally {
      setCreating(false)
    }
  }

  return (
    <form class="form form-inline" onSubmit={onSubmit} aria-label="New board">
      <label>
        Title
        <input
          name="title"
          required
          maxLength={200}
          value={title()}
          onInput={(event) => setTitle(event.currentTarget.value)}
        />
      </label>
      <label>
        Visibility
        <select
          name="visibility"
          value={visibility()}
          onChange={(event) =>
            setVisibility(event.currentTarget.value as BoardVisibility)
          }
        >
          <For each={VISIBILITY_OPTIONS}>
            {(option) => <option value={option.value}>{option.label}</option>}
          </For>
        </select>
      </label>
      <button type="submit" disabled={isCreating() || !title().trim()}>
        {isCreating() ? 'Creating…' : 'Create board'}
      </button>
      <ErrorLine error={error()} />
    </form>
  )
}

import { type Accessor, createSignal, For, Show } from 'solid-js'
import type * as Y from 'yjs'
import { formatTime } from '../api/labels'
import type { Author } from './annotations'
import { reply, setResolved, startThread, type ThreadView } from './threads'

interface CommentThreadsProps {
  doc: Y.Doc
  anchor: string
  threads: Accessor<ThreadView[]>
  author: Author
  isReadOnly: boolean
}

/** The discussion about one annotation: threads, replies, resolving. */
export function CommentThreads(props: CommentThreadsProps) {
  const anchored = () =>
    props.threads().filter((thread) => thread.anchor === props.anchor)

  return (
    <section class="threads" aria-label="Comments">
      <h3 class="panel-subtitle">Comments</h3>
      <Show
        when={anchored().length > 0}
        fallback={<p class="panel-empty">No comments yet.</p>}
      >
        <ol class="thread-list">
          <For each={anchored()}>
            {(thread) => (
              <ThreadItem
                thread={thread}
                doc={props.doc}
                author={props.author}
                isReadOnly={props.isReadOnly}
              />
            )}
          </For>
        </ol>
      </Show>
      <Show when={!props.isReadOnly}>
        <CommentForm
          label="New comment"
          submitLabel="Comment"
          onSubmit={(text) =>
            startThread(props.doc, props.anchor, props.author, text)
          }
        />
      </Show>
    </section>
  )
}

function ThreadItem(props: {
  thread: ThreadView
  doc: Y.Doc
  author: Author
  isReadOnly: boolean
}) {
  return (
    <li class="thread" data-resolved={props.thread.isResolved}>
      <Show when={props.thread.isResolved}>
        <p class="thread-resolved">Resolved</p>
      </Show>
      <ol class="comment-list">
        <For each={props.thread.comments}>
          {(comment) => (
            <li class="comment">
              <p class="comment-meta">
                <strong>{comment.authorName}</strong>{' '}
                <time datetime={comment.createdAt}>
                  {formatTime(comment.createdAt)}
                </time>
              </p>
              <p class="comment-text">{comment.text}</p>
            </li>
          )}
        </For>
      </ol>
      <Show when={!props.isReadOnly}>
        <div class="thread-actions">
          <Show when={!props.thread.isResolved}>
            <CommentForm
              label="Reply"
              submitLabel="Reply"
              onSubmit={(text) =>
                reply(props.doc, props.thread.id, props.author, text)
              }
            />
          </Show>
          <button
            type="button"
            class="button-quiet"
            onClick={() =>
              setResolved(props.doc, props.thread.id, !props.thread.isResolved)
            }
          >
            {props.thread.isResolved ? 'Reopen' : 'Resolve'}
          </button>
        </div>
      </Show>
    </li>
  )
}

function CommentForm(props: {
  label: string
  submitLabel: string
  onSubmit: (text: string) => void
}) {
  const [text, setText] = createSignal('')
  const id = `comment-${crypto.randomUUID()}`

  return (
    <form
      class="comment-form"
      onSubmit={(event) => {
        event.preventDefault()
        const trimmed = text().trim()
        if (!trimmed) return
        props.onSubmit(trimmed)
        setText('')
      }}
    >
      <label for={id} class="visually-hidden">
        {props.label}
      </label>
      <textarea
        id={id}
        rows={2}
        placeholder={props.label}
        value={text()}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <button type="submit" disabled={!text().trim()}>
        {props.submitLabel}
      </button>
    </form>
  )
}

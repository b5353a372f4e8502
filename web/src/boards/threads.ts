import { type Accessor, createSignal, onCleanup } from 'solid-js'
import * as Y from 'yjs'
import {
  addThread,
  boardDocument,
  type Comment,
} from '../../../server/boards/board-document'
import type { Author } from './annotations'

export interface ThreadView {
  id: string
  anchor: string | null
  isResolved: boolean
  comments: Comment[]
}

/** The board's comment threads, following every change inside them. */
export function useThreads(doc: Y.Doc): Accessor<ThreadView[]> {
  const { threads } = boardDocument(doc)
  const [list, setList] = createSignal(readThreads(threads))
  const onChange = () => setList(readThreads(threads))
  threads.observeDeep(onChange)
  onCleanup(() => threads.unobserveDeep(onChange))

  return list
}

function readThreads(threads: Y.Map<Y.Map<unknown>>): ThreadView[] {
  const views: ThreadView[] = []
  for (const [id, thread] of threads.entries()) {
    const comments = thread.get('comments')
    const anchor = thread.get('anchor')
    views.push({
      id,
      anchor: typeof anchor === 'string' ? anchor : null,
      isResolved: thread.get('isResolved') === true,
      comments: comments instanceof Y.Array ? comments.toArray() : [],
    })
  }

  return views.sort((a, b) =>
    (a.comments[0]?.createdAt ?? '').localeCompare(
      b.comments[0]?.createdAt ?? '',
    ),
  )
}

const newComment = (author: Author, text: string): Comment => ({
  id: crypto.randomUUID(),
  authorId: author.id,
  authorName: author.name,
  text,
  createdAt: new Date().toISOString(),
})

export function startThread(
  doc: Y.Doc,
  anchor: string | null,
  author: Author,
  text: string,
): void {
  addThread(doc, crypto.randomUUID(), anchor, newComment(author, text))
}

export function reply(
  doc: Y.Doc,
  threadId: string,
  author: Author,
  text: string,
): void {
  const comments = boardDocument(doc).threads.get(threadId)?.get('comments')
  if (comments instanceof Y.Array) comments.push([newComment(author, text)])
}

export function setResolved(
  doc: Y.Doc,
  threadId: string,
  isResolved: boolean,
): void {
  boardDocument(doc).threads.get(threadId)?.set('isResolved', isResolved)
}

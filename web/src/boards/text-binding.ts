import type * as Y from 'yjs'

/** One edit that turns `before` into `after`: a splice at one place. */
export interface Splice {
  index: number
  deleteCount: number
  insert: string
}

/**
 * The smallest single splice from `before` to `after`, found from their
 * common start and end. A textarea reports its whole value on each input,
 * and one splice keeps others' concurrent edits elsewhere intact.
 */
export function spliceBetween(before: string, after: string): Splice | null {
  if (before === after) return null

  let start = 0
  const shortest = Math.min(before.length, after.length)
  while (start < shortest && before[start] === after[start]) start++
  let end = 0
  while (
    end < shortest - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end++
  }

  return {
    index: start,
    deleteCount: before.length - start - end,
    insert: after.slice(start, after.length - end),
  }
}

type Delta = Y.YTextEvent['delta']

/** Where a caret at `index` moves when someone else's `delta` lands. */
export function shiftIndex(delta: Delta, index: number): number {
  let position = 0
  let shifted = index
  for (const change of delta) {
    if (position > index) break
    if (change.retain !== undefined) {
      position += change.retain
    } else if (typeof change.insert === 'string') {
      shifted += change.insert.length
      position += change.insert.length
    } else if (change.delete !== undefined) {
      shifted -= Math.min(change.delete, Math.max(0, index - position))
    }
  }

  return shifted
}

/**
 * Keeps a textarea and a Y.Text equal both ways: typing becomes splices,
 * others' edits land without moving the caret from where it was in the
 * text. Returns the function that unbinds them.
 */
export function bindTextarea(
  text: Y.Text,
  textarea: HTMLTextAreaElement,
): () => void {
  const origin = { textarea }
  textarea.value = text.toString()

  const onInput = () => {
    const splice = spliceBetween(text.toString(), textarea.value)
    if (!splice) return
    text.doc?.transact(() => {
      if (splice.deleteCount > 0) text.delete(splice.index, splice.deleteCount)
      if (splice.insert) text.insert(splice.index, splice.insert)
    }, origin)
  }
  const onChange = (event: Y.YTextEvent) => {
    if (event.transaction.origin === origin) return
    const { selectionStart, selectionEnd } = textarea
    const isFocused = document.activeElement === textarea
    textarea.value = text.toString()
    if (!isFocused) return
    textarea.setSelectionRange(
      shiftIndex(event.delta, selectionStart),
      shiftIndex(event.delta, selectionEnd),
    )
  }
  textarea.addEventListener('input', onInput)
  text.observe(onChange)

  return () => {
    textarea.removeEventListener('input', onInput)
    text.unobserve(onChange)
  }
}

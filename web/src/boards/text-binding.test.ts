import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { shiftIndex, spliceBetween } from './text-binding'

describe('spliceBetween', () => {
  it('finds a typed word in the middle', () => {
    expect(
      spliceBetween('route via Milan', 'route via Rome and Milan'),
    ).toEqual({ index: 10, deleteCount: 0, insert: 'Rome and ' })
  })

  it('finds a replaced selection', () => {
    expect(spliceBetween('rise in May', 'rise in June')).toEqual({
      index: 8,
      deleteCount: 3,
      insert: 'June',
    })
  })

  it('says nothing changed when nothing did', () => {
    expect(spliceBetween('same', 'same')).toBeNull()
  })
})

describe('shiftIndex', () => {
  const deltaOf = (edit: (text: Y.Text) => void) => {
    const doc = new Y.Doc()
    const text = doc.getText('t')
    text.insert(0, 'hello world')
    let delta: Y.YTextEvent['delta'] = []
    text.observe((event) => {
      delta = event.delta
    })
    edit(text)
    return delta
  }

  it('moves a caret right when text is inserted before it', () => {
    const delta = deltaOf((text) => text.insert(0, '>> '))
    expect(shiftIndex(delta, 6)).toBe(9)
  })

  it('keeps a caret when text is inserted after it', () => {
    const delta = deltaOf((text) => text.insert(11, '!'))
    expect(shiftIndex(delta, 5)).toBe(5)
  })

  it('moves a caret left when text before it is deleted', () => {
    const delta = deltaOf((text) => text.delete(0, 6))
    expect(shiftIndex(delta, 8)).toBe(2)
  })
})

import { describe, expect, it } from 'vitest'
import { isCoveredBy, type SaveFacts, saveStatus } from './save-status'

const facts = (overrides: Partial<SaveFacts>): SaveFacts => ({
  isConnected: true,
  hasEverConnected: true,
  acknowledged: new Map([[1, 5]]),
  local: new Map([[1, 5]]),
  hasPendingDeletion: false,
  ...overrides,
})

describe('isCoveredBy', () => {
  it('holds when every client clock is acknowledged', () => {
    const local = new Map([
      [1, 3],
      [2, 7],
    ])
    const acknowledged = new Map([
      [1, 4],
      [2, 7],
      [3, 1],
    ])

    expect(isCoveredBy(local, acknowledged)).toBe(true)
  })

  it('fails when a client the server has not saved is known here', () => {
    expect(isCoveredBy(new Map([[9, 1]]), new Map([[1, 4]]))).toBe(false)
  })
})

describe('saveStatus', () => {
  it('says saved only when the acknowledgement covers local edits', () => {
    expect(saveStatus(facts({}))).toBe('saved')
    expect(saveStatus(facts({ local: new Map([[1, 6]]) }))).toBe('saving')
  })

  it('says saving until the first acknowledgement arrives', () => {
    expect(saveStatus(facts({ acknowledged: null }))).toBe('saving')
  })

  it('says saving while a deletion waits for its notice', () => {
    expect(saveStatus(facts({ hasPendingDeletion: true }))).toBe('saving')
  })

  it('says offline after a lost connection, connecting before the first', () => {
    expect(saveStatus(facts({ isConnected: false }))).toBe('offline')
    expect(
      saveStatus(facts({ isConnected: false, hasEverConnected: false })),
    ).toBe('connecting')
  })
})

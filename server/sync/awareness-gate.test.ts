import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import { type AwarenessPublisher, admitAwareness } from './awareness-gate'

const LIMITS = { maxAwarenessBytes: 64, maxAwarenessStates: 2 }

const peer = (ids: number[] = []): AwarenessPublisher => ({
  awarenessClientIds: new Set(ids),
})

const entry = (clientId: number, state: unknown = { name: 'A' }) => ({
  clientId,
  clock: 1,
  stateJson: JSON.stringify(state),
})

const nobodyElse = () => false

function clientIdsOf(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  return Array.from({ length: count }, () => {
    const clientId = decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
    decoding.readVarString(decoder)
    return clientId
  })
}

describe('admitAwareness', () => {
  it("leaves out others' client ids that a client echoes back", () => {
    const verdict = admitAwareness(
      peer(),
      [entry(1), entry(2), entry(3), entry(4)],
      new Uint8Array(),
      (clientId) => clientId !== 1,
      LIMITS,
    )

    expect(verdict.kind === 'apply' && clientIdsOf(verdict.update)).toEqual([1])
  })

  it('ignores a message that carries only other connections’ states', () => {
    const verdict = admitAwareness(
      peer(),
      [entry(5, null)],
      new Uint8Array(),
      () => true,
      LIMITS,
    )

    expect(verdict.kind).toBe('ignore')
  })

  it('keeps the original bytes when every entry is the client’s own', () => {
    const update = new Uint8Array([1, 2, 3])

    const verdict = admitAwareness(
      peer([1]),
      [entry(1)],
      update,
      nobodyElse,
      LIMITS,
    )

    expect(verdict.kind === 'apply' && verdict.update).toBe(update)
  })

  it('closes on a state over the size limit or too many client ids', () => {
    const tooBig = admitAwareness(
      peer(),
      [entry(1, { name: 'x'.repeat(80) })],
      new Uint8Array(),
      nobodyElse,
      LIMITS,
    )
    const tooMany = admitAwareness(
      peer(),
      [entry(1), entry(2), entry(3)],
      new Uint8Array(),
      nobodyElse,
      LIMITS,
    )

    expect([tooBig.kind, tooMany.kind]).toEqual(['close', 'close'])
  })
})

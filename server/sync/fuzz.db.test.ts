import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { loadConfig } from '../config/config'
import {
  createSeededRandom,
  type SeededRandom,
} from '../records/synthetic/seeded-random'
import { createTestUser, type TestUser } from '../testing/test-app'
import { CLOSE_CODES } from './close-codes'
import { encodeAwareness, encodeSyncStep1, encodeUpdate } from './protocol'
import { whenDoc } from './testing/sync-client'
import {
  type SyncTestServer,
  startSyncTestServer,
} from './testing/sync-test-server'
import { insertTestBoard } from './testing/test-board'

const SEED = Number(process.env.SYNC_FUZZ_SEED ?? Date.now() % 1e9)
const FRAMES = Number(process.env.SYNC_FUZZ_FRAMES ?? 150)
const MAX_FRAME_BYTES = 64 * 1024

let server: SyncTestServer
let owner: TestUser

beforeAll(async () => {
  const defaults = loadConfig({}).sync
  server = await startSyncTestServer({
    config: { sync: { ...defaults, maxFrameBytes: MAX_FRAME_BYTES } },
  })
  owner = await createTestUser(server.services, { role: 'analyst' })
})

afterAll(async () => {
  await server.stop()
})

describe('a server fed random and truncated frames', () => {
  it(`stays up and keeps other clients syncing (seed ${SEED})`, async () => {
    const boardId = await newBoardId()
    const alice = connect(boardId)
    const bob = connect(boardId)
    await Promise.all([alice.synced(), bob.synced()])
    const random = createSeededRandom(SEED)
    const closeCodes = new Set<number>()

    for (let i = 0; i < FRAMES; i++) {
      const outcome = await sendThenProbe(boardId, fuzzFrame(random, i))
      if (outcome !== 'open') closeCodes.add(outcome)
      alice.doc.getMap('annotations').set(`after-${i}`, i)
    }
    await whenDoc(bob.doc, () =>
      bob.doc.getMap('annotations').has(`after-${FRAMES - 1}`),
    )

    expect([...closeCodes].sort(), `seed ${SEED}`).toEqual(
      expect.arrayContaining([CLOSE_CODES.malformedMessage]),
    )
    expect(bob.doc.getMap('annotations').toJSON()).toEqual(
      alice.doc.getMap('annotations').toJSON(),
    )
  })

  it('closes an oversized frame with 1009, and only that connection', async () => {
    const boardId = await newBoardId()
    const alice = connect(boardId)
    const bob = connect(boardId)
    await Promise.all([alice.synced(), bob.synced()])

    const outcome = await sendThenProbe(
      boardId,
      new Uint8Array(MAX_FRAME_BYTES + 1),
    )
    alice.doc.getText('narrative').insert(0, 'still here')
    await whenDoc(bob.doc, () => bob.doc.getText('narrative').length > 0)

    expect(outcome).toBe(CLOSE_CODES.messageTooBig)
  })
})

async function newBoardId() {
  const board = await insertTestBoard(server.services, owner, {
    title: 'Fuzzed board',
  })
  return board.id
}

function connect(boardId: string) {
  return server.connect(owner, boardId)
}

/**
 * Opens a raw socket, sends `frame`, then a sync step 1: the server either
 * closes the socket (resolves with the code) or answers the step 1 with a
 * step 2 (resolves `'open'`), so no timer decides the outcome.
 */
function sendThenProbe(
  boardId: string,
  frame: Uint8Array | string,
): Promise<number | 'open'> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.baseUrl}/${boardId}`, {
      headers: owner.headers,
    })
    socket.binaryType = 'nodebuffer'
    socket.on('open', () => {
      socket.send(frame)
      socket.send(encodeSyncStep1(new Y.Doc()))
    })
    socket.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) {
        resolve('open')
        socket.close()
      }
    })
    socket.on('close', (code) => resolve(code))
    socket.on('error', (error) => {
      // A reset after the server closed is expected; the close event
      // still reports the code.
      if (socket.readyState !== WebSocket.CLOSED) return
      reject(error)
    })
  })
}

/** Random bytes, valid frames cut short, or valid headers over garbage. */
function fuzzFrame(random: SeededRandom, i: number): Uint8Array | string {
  const valid = validFrame(random, i)
  switch (random.integer(0, 5)) {
    case 0:
      return randomBytes(random, random.integer(0, 64))
    case 1:
      return valid.subarray(0, random.integer(0, valid.length - 1))
    case 2: {
      const corrupted = valid.slice()
      const at = random.integer(0, corrupted.length - 1)
      corrupted[at] = random.integer(0, 255)
      return corrupted
    }
    case 3:
      return concat(valid.subarray(0, 2), randomBytes(random, 32))
    case 4:
      return concat(valid, randomBytes(random, random.integer(1, 8)))
    default:
      return 'a text frame'
  }
}

function validFrame(random: SeededRandom, i: number): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('annotations').set(`fuzz-${i}`, random.hex(8))
  if (random.chance(0.5)) return encodeUpdate(Y.encodeStateAsUpdate(doc))

  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, doc.clientID)
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarString(encoder, JSON.stringify({ name: random.hex(4) }))
  return encodeAwareness(encoding.toUint8Array(encoder))
}

function randomBytes(random: SeededRandom, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => random.integer(0, 255))
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length)
  joined.set(a)
  joined.set(b, a.length)
  return joined
}

import { randomBytes } from 'node:crypto'
import { connect as connectTcp, type Socket } from 'node:net'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { boardDocument } from '../boards/board-document'
import { loadConfig } from '../config/config'
import { seedDemoBoard } from '../demo/demo-board'
import { createTestUser, type TestUser } from '../testing/test-app'
import { CLOSE_CODES } from './close-codes'
import { encodeAwareness } from './protocol'
import { whenDoc } from './testing/sync-client'
import {
  type SyncTestServer,
  startSyncTestServer,
} from './testing/sync-test-server'
import { insertTestBoard } from './testing/test-board'

const SEND_BUFFER_BYTES = 256 * 1024
const MAX_AWARENESS_BYTES = 1024
const MAX_AWARENESS_STATES = 2

let server: SyncTestServer
let owner: TestUser

beforeAll(async () => {
  server = await startSyncTestServer({
    config: {
      sync: {
        ...loadConfig({}).sync,
        sendBufferBytes: SEND_BUFFER_BYTES,
        maxAwarenessBytes: MAX_AWARENESS_BYTES,
        maxAwarenessStates: MAX_AWARENESS_STATES,
      },
    },
  })
  owner = await createTestUser(server.services, { role: 'analyst' })
})

afterAll(async () => {
  await server.stop()
})

async function newBoardId() {
  const board = await insertTestBoard(server.services, owner, {
    title: 'Limits',
  })
  return board.id
}

function connect(boardId: string) {
  return server.connect(owner, boardId, { wantsSavedNotices: true })
}

function rawSocket(boardId: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.baseUrl}/${boardId}`, {
      headers: owner.headers,
    })
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
  })
}

const connectionsOn = (boardId: string) =>
  [...server.liveBoards.connections].filter((c) => c.boardId === boardId).length

/**
 * A WebSocket client that completes the handshake and then never reads
 * again (plain TCP, so that no library resumes reading behind our back).
 */
function stalledSocket(boardId: string): Promise<Socket> {
  const url = new URL(`${server.baseUrl}/${boardId}`)
  const request = [
    `GET ${url.pathname} HTTP/1.1`,
    `Host: ${url.host}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    `Cookie: ${owner.cookie}`,
    `Origin: ${server.services.config.publicOrigin}`,
    '',
    '',
  ].join('\r\n')
  return new Promise((resolve, reject) => {
    const socket = connectTcp(Number(url.port), url.hostname, () =>
      socket.write(request),
    )
    socket.once('data', (head) => {
      socket.pause()
      if (head.toString().startsWith('HTTP/1.1 101')) resolve(socket)
      else reject(new Error(head.toString().split('\r\n')[0]))
    })
    socket.once('error', reject)
  })
}

const closeCode = (socket: WebSocket) =>
  new Promise<number>((resolve) => socket.once('close', resolve))

function awarenessFrame(states: { clientId: number; json: string }[]) {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, states.length)
  for (const state of states) {
    encoding.writeVarUint(encoder, state.clientId)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarString(encoder, state.json)
  }
  return encodeAwareness(encoding.toUint8Array(encoder))
}

describe('sync limits', () => {
  it('closes a connection that publishes too many awareness states', async () => {
    const socket = await rawSocket(await newBoardId())
    const closed = closeCode(socket)

    socket.send(
      awarenessFrame(
        [1, 2, 3].map((clientId) => ({ clientId, json: '{"name":"x"}' })),
      ),
    )

    expect(await closed).toBe(CLOSE_CODES.awarenessTooLarge)
  })

  it('keeps more clients with cursors than one connection may publish', async () => {
    const boardId = await newBoardId()
    const room = Array.from({ length: MAX_AWARENESS_STATES + 2 }, () =>
      connect(boardId),
    )
    await Promise.all(room.map((client) => client.synced()))

    room.forEach((client, i) => {
      client.provider.awareness.setLocalStateField('cursor', { x: i })
    })
    await Promise.all(
      room.map(
        (client) =>
          new Promise<void>((resolve) => {
            const { awareness } = client.provider
            const isComplete = () =>
              [...awareness.getStates().values()].filter((s) => s.cursor)
                .length === room.length
            if (isComplete()) return resolve()
            awareness.on('change', () => isComplete() && resolve())
          }),
      ),
    )

    expect(connectionsOn(boardId)).toBe(room.length)
  })

  it('closes a connection whose awareness state is too large', async () => {
    const socket = await rawSocket(await newBoardId())
    const closed = closeCode(socket)
    const json = JSON.stringify({ name: 'x'.repeat(MAX_AWARENESS_BYTES) })

    socket.send(awarenessFrame([{ clientId: 7, json }]))

    expect(await closed).toBe(CLOSE_CODES.awarenessTooLarge)
  })

  it('cuts off a reader that stops reading, while others keep up', async () => {
    const boardId = await newBoardId()
    const writer = connect(boardId)
    const reader = connect(boardId)
    await Promise.all([writer.synced(), reader.synced()])
    const stalled = await stalledSocket(boardId)
    const isStalledOpen = () => connectionsOn(boardId) === 3

    const text = boardDocument(writer.doc).narrative
    const chunk = 'x'.repeat(128 * 1024)
    for (let i = 0; i < 400 && isStalledOpen(); i++) {
      text.insert(text.length, chunk)
      await writer.allSaved()
    }
    await whenDoc(
      reader.doc,
      () => boardDocument(reader.doc).narrative.length === text.length,
    )
    stalled.destroy()

    expect(connectionsOn(boardId)).toBe(2)
  })

  it('unloads a room when its last client leaves, and reloads it whole', async () => {
    const boardId = await newBoardId()
    const first = connect(boardId)
    await first.synced()
    first.doc.getMap('filters').set('year', 2023)
    await first.allSaved()
    const unloaded = server.liveBoards.rooms.whenUnloaded(boardId)

    first.destroy()
    await unloaded
    const isHeld = server.liveBoards.rooms.find(boardId) !== null
    const second = connect(boardId)
    await second.synced()

    expect(isHeld).toBe(false)
    expect(second.doc.getMap('filters').get('year')).toBe(2023)
  })

  it('opens the seeded sample board with its annotations and cards', async () => {
    const { boardId } = await seedDemoBoard(server.services.database.db, {
      userId: owner.user.id,
      partnerId: owner.partner.id,
      displayName: 'Demo analyst',
    })
    const client = connect(boardId)
    await client.synced()
    const board = boardDocument(client.doc)

    expect(board.annotations.get('route-central-med')?.geometry.type).toBe(
      'LineString',
    )
    expect(board.cardOrder.toArray()).toHaveLength(3)
    expect(board.narrative.length).toBeGreaterThan(0)
  })
})

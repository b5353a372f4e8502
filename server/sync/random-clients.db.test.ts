import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createSeededRandom,
  type SeededRandom,
} from '../records/synthetic/seeded-random'
import { createTestUser } from '../testing/test-app'
import { readBoardState } from './board-log-store'
import {
  createSyncClient,
  type SyncClient,
  whenDoc,
} from './testing/sync-client'
import {
  type SyncTestServer,
  startSyncTestServer,
} from './testing/sync-test-server'
import { insertTestBoard } from './testing/test-board'

/** Seeds to run; set SYNC_RANDOM_SEED to replay one, SYNC_RANDOM_RUNS for more. */
const FIRST_SEED = Number(process.env.SYNC_RANDOM_SEED ?? Date.now() % 1e9)
const RUNS = Number(process.env.SYNC_RANDOM_RUNS ?? 3)
const CLIENTS = 4
const STEPS = 150

let server: SyncTestServer

beforeAll(async () => {
  server = await startSyncTestServer()
})

afterAll(async () => {
  await server.stop()
})

describe('clients editing at random', () => {
  for (let run = 0; run < RUNS; run++) {
    const seed = FIRST_SEED + run
    it(`end identical to each other and to the stored state (seed ${seed})`, async () => {
      const owner = await createTestUser(server.services, { role: 'analyst' })
      const board = await insertTestBoard(server.services, owner, {
        title: `Random run ${seed}`,
      })
      const clients = Array.from({ length: CLIENTS }, () =>
        createSyncClient({
          baseUrl: server.baseUrl,
          boardId: board.id,
          headers: owner.headers,
          wantsSavedNotices: true,
        }),
      )
      try {
        await playRandomly(createSeededRandom(seed), clients)
        await settle(clients)
        const stored = new Y.Doc()
        Y.applyUpdate(
          stored,
          await readBoardState(server.services.database.db, board.id),
        )
        await Promise.all(
          clients.map((client) => converged(client.doc, stored)),
        )

        for (const client of clients) {
          expect(contentOf(client.doc), `seed ${seed}`).toEqual(
            contentOf(stored),
          )
        }
      } finally {
        for (const client of clients) client.destroy()
      }
    })
  }
})

async function playRandomly(random: SeededRandom, clients: SyncClient[]) {
  for (let step = 0; step < STEPS; step++) {
    const client = random.pick(clients)
    const { doc, provider } = client
    const action = random.weighted([
      ['text', 4],
      ['set', 4],
      ['delete', 2],
      ['disconnect', 1],
      ['connect', 2],
      ['wait', 2],
    ] as const)
    switch (action) {
      case 'text': {
        const text = doc.getText('narrative')
        text.insert(random.integer(0, text.length), random.hex(3))
        break
      }
      case 'set':
        doc.getMap('annotations').set(`a${random.integer(0, 20)}`, step)
        break
      case 'delete':
        doc.getMap('annotations').delete(`a${random.integer(0, 20)}`)
        break
      case 'disconnect':
        provider.disconnect()
        break
      case 'connect':
        if (!provider.shouldConnect) provider.connect()
        break
      case 'wait':
        await new Promise((resolve) =>
          setTimeout(resolve, random.integer(0, 5)),
        )
        break
    }
  }
}

/** Everyone back online, synced, and every local edit saved. */
async function settle(clients: SyncClient[]) {
  for (const client of clients) {
    if (!client.provider.shouldConnect) client.provider.connect()
  }
  await Promise.all(clients.map((client) => client.synced()))
  await Promise.all(clients.map((client) => client.allSaved()))
}

function converged(doc: Y.Doc, target: Y.Doc): Promise<void> {
  const wanted = Y.decodeStateVector(Y.encodeStateVector(target))
  return whenDoc(doc, () => {
    const have = Y.decodeStateVector(Y.encodeStateVector(doc))
    return [...wanted].every(
      ([client, clock]) => (have.get(client) ?? 0) >= clock,
    )
  })
}

function contentOf(doc: Y.Doc) {
  return {
    narrative: doc.getText('narrative').toString(),
    annotations: doc.getMap('annotations').toJSON(),
  }
}

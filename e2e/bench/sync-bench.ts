/**
 * Live sync benchmark: N rooms × M stock y-websocket clients against our
 * server and, in the same run, against the classic y-websocket server.
 * Reports connect time, fan-out latency (edit → every other client of the
 * room), saved-ack latency (edit → saved notice, ours only) and the
 * server's resident memory before, under and after load.
 *
 *   npx tsx e2e/bench/sync-bench.ts
 *   BENCH_ROOMS=20 BENCH_CLIENTS=5 BENCH_RATE=100 BENCH_SECONDS=10 \
 *     TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/ciatteh_dev \
 *     npx tsx e2e/bench/sync-bench.ts
 *
 * Everything talks to 127.0.0.1 only, and the run stops by itself.
 */
import * as Y from 'yjs'
import {
  createSyncClient,
  type SyncClient,
} from '../../server/sync/testing/sync-client'
import { formatReport, percentiles, type RunResult } from './bench-report'
import {
  type BenchServer,
  residentMiB,
  startOurServer,
  startReferenceServer,
} from './bench-servers'

const ROOMS = Number(process.env.BENCH_ROOMS ?? 10)
const CLIENTS_PER_ROOM = Number(process.env.BENCH_CLIENTS ?? 5)
const UPDATES_PER_SECOND = Number(process.env.BENCH_RATE ?? 100)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)

interface Room {
  name: string
  clients: SyncClient[]
}

async function run(server: BenchServer): Promise<RunResult> {
  const baselineMiB = await residentMiB(server.pid)
  const roomNames = await server.createRooms(ROOMS)
  const connectMs: number[] = []
  const connectStartedAt = performance.now()
  const rooms: Room[] = await Promise.all(
    roomNames.map(async (name) => ({
      name,
      clients: await Promise.all(
        Array.from({ length: CLIENTS_PER_ROOM }, () =>
          connectOne(server, name, connectMs),
        ),
      ),
    })),
  )
  const connectAllMs = performance.now() - connectStartedAt

  const fanOutMs: number[] = []
  const savedMs: number[] = []
  for (const room of rooms) watchFanOut(room, fanOutMs)
  const sent = await drive(rooms, server.hasSavedNotices ? savedMs : null)
  const loadedMiB = await residentMiB(server.pid)

  for (const room of rooms) {
    for (const client of room.clients) client.destroy()
  }
  await delay(2_000)
  const afterMiB = await residentMiB(server.pid)

  return {
    server: server.name,
    clients: ROOMS * CLIENTS_PER_ROOM,
    updatesSent: sent,
    fanOutsExpected: sent * (CLIENTS_PER_ROOM - 1),
    connectAllMs,
    connect: percentiles(connectMs),
    fanOut: percentiles(fanOutMs),
    saved: server.hasSavedNotices ? percentiles(savedMs) : null,
    memoryMiB: { baseline: baselineMiB, loaded: loadedMiB, after: afterMiB },
  }
}

async function connectOne(
  server: BenchServer,
  room: string,
  connectMs: number[],
): Promise<SyncClient> {
  const startedAt = performance.now()
  const client = createSyncClient({
    baseUrl: server.syncUrl,
    boardId: room,
    headers: server.headers,
    wantsSavedNotices: server.hasSavedNotices,
  })
  await client.synced()
  connectMs.push(performance.now() - startedAt)

  return client
}

/** Every client records how long others' edits took to reach it. */
function watchFanOut(room: Room, fanOutMs: number[]) {
  for (const client of room.clients) {
    client.doc.getMap('bench').observe((event) => {
      if (event.transaction.local) return
      const now = performance.now()
      for (const key of event.keysChanged) {
        const sentAt = client.doc.getMap<number>('bench').get(key)
        if (sentAt !== undefined) fanOutMs.push(now - sentAt)
      }
    })
  }
}

/** Sends edits at the target rate, rooms in turn, a random writer each. */
async function drive(rooms: Room[], savedMs: number[] | null) {
  const total = UPDATES_PER_SECOND * SECONDS
  const intervalMs = 1_000 / UPDATES_PER_SECOND
  const startedAt = performance.now()
  for (let i = 0; i < total; i++) {
    const room = rooms[i % rooms.length]!
    const writer =
      room.clients[Math.floor(Math.random() * room.clients.length)]!
    const sentAt = performance.now()
    writer.doc.getMap('bench').set(`u${i}`, sentAt)
    if (savedMs) trackSaved(writer, sentAt, savedMs)

    const nextAt = startedAt + (i + 1) * intervalMs
    await delay(Math.max(0, nextAt - performance.now()))
  }
  await delay(1_000)

  return total
}

function trackSaved(writer: SyncClient, sentAt: number, savedMs: number[]) {
  const clock = Y.getState(writer.doc.store, writer.doc.clientID)
  const stop = writer.onSaved(() => {
    const durable = writer.savedStateVector.get(writer.doc.clientID) ?? 0
    if (durable < clock) return
    savedMs.push(performance.now() - sentAt)
    stop()
  })
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function main() {
  // Each y-websocket provider adds an exit listener in Node.
  process.setMaxListeners(0)
  const results: RunResult[] = []
  for (const start of [startReferenceServer, startOurServer]) {
    const server = await start()
    try {
      results.push(await run(server))
    } finally {
      await server.stop()
    }
  }
  process.stdout.write(
    formatReport(results, {
      rooms: ROOMS,
      clientsPerRoom: CLIENTS_PER_ROOM,
      updatesPerSecond: UPDATES_PER_SECOND,
      seconds: SECONDS,
    }),
  )
  process.exit(0)
}

await main()

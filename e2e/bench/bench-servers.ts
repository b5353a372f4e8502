import { type ChildProcess, spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import {
  BOOTSTRAP_ADMIN,
  createBoard,
  signInAnalyst,
} from '../support/board-users'
import { createScratchDatabase } from '../support/scratch-database'
import { findFreePort, startTestServer } from '../support/test-server'

/** A sync server under test, as the benchmark drives it. */
export interface BenchServer {
  name: string
  pid: number
  /** Base URL for `WebsocketProvider`. */
  syncUrl: string
  /** Headers a client must send (session cookie, Origin). */
  headers: Record<string, string>
  /** Whether clients may ask for saved notices. */
  hasSavedNotices: boolean
  /** Room names: board ids for ours, any string for the reference. */
  createRooms(count: number): Promise<string[]>
  stop(): Promise<void>
}

/** Our server, as `npm start` runs it, on a scratch database. */
export async function startOurServer(): Promise<BenchServer> {
  const database = await createScratchDatabase('bench')
  const server = await startTestServer({
    dataDir: database.dataDir,
    env: { ...BOOTSTRAP_ADMIN, ...database.env, LOG_LEVEL: 'info' },
  })
  const analyst = await signInAnalyst(server.url)

  return {
    name: `ciatteh (${database.kind})`,
    pid: server.child.pid ?? 0,
    syncUrl: `${server.url.replace('http', 'ws')}/sync`,
    headers: analyst.headersFor(server.url),
    hasSavedNotices: true,
    createRooms: async (count) => {
      const ids: string[] = []
      for (let i = 0; i < count; i++) {
        ids.push(await createBoard(server.url, analyst, `Bench ${i}`))
      }
      return ids
    },
    stop: async () => {
      await server.stop()
      await database.dispose()
    },
  }
}

const REFERENCE_SERVER = fileURLToPath(
  new URL(
    '../../node_modules/y-websocket-classic/bin/server.js',
    import.meta.url,
  ),
)

/** The classic y-websocket server (1.5.4): in memory, no auth. */
export async function startReferenceServer(): Promise<BenchServer> {
  const port = await findFreePort()
  const child = spawn(process.execPath, [REFERENCE_SERVER], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await waitForOutput(child, 'running at')

  return {
    name: 'y-websocket 1.5.4',
    pid: child.pid ?? 0,
    syncUrl: `ws://127.0.0.1:${port}`,
    headers: {},
    hasSavedNotices: false,
    createRooms: async (count) =>
      Array.from({ length: count }, (_, i) => `bench-room-${i}`),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}

function waitForOutput(child: ChildProcess, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      if (chunk.includes(text)) resolve()
    })
    child.once('exit', (code) =>
      reject(new Error(`reference server exited with ${code}`)),
    )
  })
}

/** Resident memory of a process, from /proc (Linux), in MiB. */
export async function residentMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const match = /VmRSS:\s+(\d+) kB/.exec(status)

  return match ? Number(match[1]) / 1024 : Number.NaN
}

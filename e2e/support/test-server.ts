import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const READY_MESSAGE = 'ciatteh is ready'

export interface TestServer {
  url: string
  port: number
  dataDir: string
  child: ChildProcess
  /** Every line the server logged so far, parsed from its JSON output. */
  logs: Record<string, unknown>[]
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>
  /** Stops the server and removes its data directory. */
  dispose(): Promise<void>
}

export interface StartTestServerOptions {
  env?: Record<string, string>
  /** Reuse a data directory (for restart tests); a fresh one otherwise. */
  dataDir?: string
  readyTimeoutMs?: number
}

/**
 * Starts the real server (`server/main.ts`) as a child process on a free
 * loopback port, on a fresh embedded database unless `DATABASE_URL` is
 * given, and resolves once it says it is ready.
 */
export async function startTestServer(
  options: StartTestServerOptions = {},
): Promise<TestServer> {
  const port = await findFreePort()
  const dataDir =
    options.dataDir ?? (await mkdtemp(join(tmpdir(), 'ciatteh-e2e-')))
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'server/main.ts')],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DEMO: 'false',
        LOG_LEVEL: 'info',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  // A test that fails before its cleanup must not leave a server behind.
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  child.once('exit', () => process.off('exit', killOnExit))
  const logs: Record<string, unknown>[] = []
  const ready = waitForReady(child, logs, options.readyTimeoutMs ?? 90_000)
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  await ready

  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM')
    return exited
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    child,
    logs,
    stop,
    dispose: async () => {
      await stop()
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true })
    },
  }
}

function waitForReady(
  child: ChildProcess,
  logs: Record<string, unknown>[],
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server not ready in ${timeoutMs} ms:\n${tail(logs)}`))
    }, timeoutMs)
    let pending = ''
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        const entry = parseLogLine(line)
        logs.push(entry)
        if (entry.msg === READY_MESSAGE) {
          clearTimeout(timer)
          resolve()
        }
      }
    })
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      logs.push({ stderr: chunk })
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(
        new Error(`server exited with ${code} before ready:\n${tail(logs)}`),
      )
    })
  })
}

function parseLogLine(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>
  } catch {
    // Not every line is ours (e.g. a loader warning); keep it as text.
    return { text: line }
  }
}

const tail = (logs: Record<string, unknown>[]) =>
  logs
    .slice(-20)
    .map((entry) => JSON.stringify(entry))
    .join('\n')

/**
 * Runs the server with the given environment until it exits by itself, for
 * start-ups that are meant to fail; resolves with its exit code and output.
 */
export function runServerUntilExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'server/main.ts')],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, HOST: '127.0.0.1', DEMO: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk) => {
    output += chunk
  })

  return new Promise((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  )
}

/** Asks the kernel for a free loopback port, then releases it. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

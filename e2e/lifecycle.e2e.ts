import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  findFreePort,
  runServerUntilExit,
  startTestServer,
} from './support/test-server'

const ADMIN = {
  BOOTSTRAP_ADMIN_EMAIL: 'first.admin@centre.example',
  BOOTSTRAP_ADMIN_PASSWORD: 'correct horse battery staple 42',
}

async function logIn(url: string) {
  return fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({
      email: ADMIN.BOOTSTRAP_ADMIN_EMAIL,
      password: ADMIN.BOOTSTRAP_ADMIN_PASSWORD,
    }),
  })
}

describe('starting and stopping the server', () => {
  const dataDirs: string[] = []

  afterAll(async () => {
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true })
  })

  it('keeps its data across a stop on SIGTERM and a second start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ciatteh-restart-'))
    dataDirs.push(dataDir)

    const first = await startTestServer({ dataDir, env: ADMIN })
    try {
      const health = await fetch(`${first.url}/healthz`)
      expect(health.status).toBe(200)
      expect((await logIn(first.url)).status).toBe(200)
    } finally {
      expect(await first.stop()).toBe(0)
    }
    expect(first.logs.map((entry) => entry.msg)).toContain('shutdown finished')

    const second = await startTestServer({ dataDir, env: ADMIN })
    try {
      expect((await logIn(second.url)).status).toBe(200)
    } finally {
      expect(await second.stop()).toBe(0)
    }
  })

  it('still ends on SIGTERM when nobody reads its log any more', async () => {
    const server = await startTestServer()
    server.child.stdout?.destroy()

    await server.stop()

    expect(server.child.exitCode ?? server.child.signalCode).not.toBeNull()
    await server.dispose()
  })

  it('fails fast with a clear message when PostgreSQL cannot be reached', async () => {
    const port = await findFreePort()
    const { code, output } = await runServerUntilExit({
      PORT: String(port),
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/nowhere`,
    })

    expect(code).toBe(1)
    expect(output).toContain('Could not reach PostgreSQL at 127.0.0.1')
    expect(output).not.toMatch(/\n\s+at /)
  })

  it('names the setting when the configuration is wrong', async () => {
    const { code, output } = await runServerUntilExit({ PORT: 'eighty' })

    expect(code).toBe(1)
    expect(output).toContain('PORT: must be a whole number')
  })
})

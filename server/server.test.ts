import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { silentLogger } from './logger'
import { startServer } from './server'

/** An app whose one route waits until the test lets it answer. */
function slowApp() {
  let markStarted = () => {}
  let release = () => {}
  const hasStarted = new Promise<void>((resolve) => {
    markStarted = resolve
  })
  const app = new Hono().get('/slow', async (c) => {
    markStarted()
    await new Promise<void>((resolve) => {
      release = resolve
    })
    return c.text('finished')
  })

  return { app, hasStarted, release: () => release() }
}

describe('startServer', () => {
  it('finishes a request in flight when stopped, then refuses new ones', async () => {
    const { app, hasStarted, release } = slowApp()
    const server = await startServer({
      fetch: app.fetch,
      port: 0,
      host: '127.0.0.1',
      shutdownTimeoutMs: 5_000,
      log: silentLogger(),
    })
    const url = `http://127.0.0.1:${server.port}/slow`

    const inFlight = fetch(url)
    await hasStarted
    const stopped = server.stop()
    release()
    const response = await inFlight
    await stopped

    expect(response.status).toBe(200)
    expect(await response.text()).toBe('finished')
    await expect(fetch(url)).rejects.toThrow()
  })
})

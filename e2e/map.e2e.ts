import { mkdir } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, shouldSkipBrowserTests } from './support/browser'
import { E2E_ADMIN_ENV, openSignedIn } from './support/sign-in'
import { startTestServer, type TestServer } from './support/test-server'

describe.skipIf(shouldSkipBrowserTests())('the map of flows', () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    server = await startTestServer({ env: E2E_ADMIN_ENV })
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  it('draws the countries of the world with zoom controls, asking no other host', async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
    })
    const requestedUrls: string[] = []
    page.on('request', (request) => requestedUrls.push(request.url()))

    await openSignedIn(page, server.url)
    await page.waitForSelector('[data-map-state="ready"]')
    await page.waitForFunction(() => {
      const map = document.querySelector('[data-testid="world-map"]')
      return Number(map?.getAttribute('data-countries-drawn')) > 50
    })
    await page.waitForSelector('[data-testid="flows-summary"]')
    await mkdir('e2e/artifacts', { recursive: true })
    await page.screenshot({ path: 'e2e/artifacts/map.png' })

    expect(await page.locator('header').textContent()).toContain('CIATTEH')
    expect(await page.getByTestId('flows-summary').textContent()).toMatch(
      /persons on known routes/,
    )
    expect(await page.getByRole('button', { name: 'Zoom in' }).count()).toBe(1)
    const foreign = requestedUrls.filter(
      (url) => !url.startsWith(server.url) && !/^(data|blob):/.test(url),
    )
    expect(foreign).toEqual([])
    expect(requestedUrls.length).toBeGreaterThan(2)
  })
})

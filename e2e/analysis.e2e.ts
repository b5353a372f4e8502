import { mkdir } from 'node:fs/promises'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPeople, openAs, type Person } from './support/board-people'
import { BOOTSTRAP_ADMIN, callApi, logIn } from './support/board-users'
import { launchChromium, shouldSkipBrowserTests } from './support/browser'
import { startTestServer, type TestServer } from './support/test-server'

describe.skipIf(shouldSkipBrowserTests())(
  'analysis on the demo records',
  () => {
    let server: TestServer
    let browser: Browser
    let analyst: Person
    let boardPath: string

    beforeAll(async () => {
      server = await startTestServer({
        env: { ...BOOTSTRAP_ADMIN, DEMO: 'true' },
      })
      browser = await launchChromium()
      const { people } = await createPeople(server.url, [
        { displayName: 'Dana Analyst', role: 'analyst' },
      ])
      analyst = people[0] as Person
      const signedIn = await logIn(server.url, analyst.email, analyst.password)
      const { id } = await callApi<{ id: string }>(
        server.url,
        signedIn,
        'POST',
        '/api/boards',
        { title: 'Monthly review', visibility: 'partner' },
      )
      boardPath = `/boards/${id}`
    })

    afterAll(async () => {
      await browser?.close()
      await server?.dispose()
    })

    const chartDrawn = (page: Page, scope: string) =>
      page.waitForFunction((selector) => {
        const chart = document.querySelector(selector)
        const canvas = chart?.querySelector('canvas')
        return Number(chart?.getAttribute('data-chart-points')) > 6 && !!canvas
      }, `${scope} [data-testid="time-chart"]`)

    it('draws a trend card on the board from the shared filters', async () => {
      const page = await openAs(browser, server.url, analyst, boardPath)
      await page.waitForSelector('[data-map-state="ready"]')

      await page.getByRole('tab', { name: 'Analysis' }).click()
      await page.getByRole('button', { name: 'Add trend' }).click()
      await chartDrawn(page, '[data-card-kind="trend"]')
      const card = page.locator('[data-card-kind="trend"]')
      await card.getByText('Numbers').click()
      const firstCount = await card
        .locator('.card-numbers tbody td')
        .first()
        .textContent()
      expect(firstCount).toMatch(/^(\d[\d,.\s]*|withheld)$/)

      await page.getByLabel('Phenomenon').selectOption('smuggling')
      await page.getByRole('button', { name: 'Add flows' }).click()
      await page
        .locator('[data-card-kind="flow"]')
        .getByText(/persons on known routes/)
        .waitFor()
      await page.getByRole('button', { name: 'Add indicator map' }).click()
      const mapCard = page.locator('[data-card-kind="indicator-map"]')
      await mapCard.getByRole('list', { name: 'Map legend, persons' }).waitFor()
      expect(
        await mapCard.getByRole('button', { name: 'Shown on map' }).count(),
      ).toBe(1)
      expect(await mapCard.locator('tbody tr').count()).toBeGreaterThan(0)
      await mkdir('e2e/artifacts', { recursive: true })
      await page.screenshot({ path: 'e2e/artifacts/board-analysis.png' })
    })

    /** The trend's monthly totals as its numbers table shows them. */
    async function monthlyTotals(trend: Locator) {
      await trend.getByText('Numbers').click()
      const rows = await trend
        .locator('.card-numbers tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) => [
            row.querySelector('th')?.textContent ?? '',
            row.querySelector('td')?.textContent ?? '',
          ]),
        )
      return new Map(
        rows.map(([month, shown]) => [
          month,
          shown === 'withheld' ? null : Number(shown?.replace(/\D/g, '')),
        ]),
      )
    }

    it('counts each linked person once when asked, never more than the records hold', async () => {
      const page = await openAs(browser, server.url, analyst, '/analysis')
      const trend = page.locator('[aria-labelledby="trend-title"]')
      await chartDrawn(page, '[aria-labelledby="trend-title"]')
      const persons = await monthlyTotals(trend)

      await page.getByLabel('Count').selectOption('distinct')
      await trend
        .getByRole('heading', { name: 'Distinct persons per month' })
        .waitFor()
      await trend
        .getByRole('columnheader', { name: 'All distinct persons' })
        .waitFor({ state: 'attached' })
      const distinct = await monthlyTotals(trend)

      expect(page.url()).toContain('count=distinct')
      const bothShown = [...distinct].filter(
        ([month, count]) => count !== null && persons.get(month) != null,
      )
      expect(bothShown.length).toBeGreaterThan(6)
      let fewer = 0
      for (const [month, count] of bothShown) {
        expect(count, month).toBeLessThanOrEqual(persons.get(month)!)
        if (count! < persons.get(month)!) fewer += 1
      }
      expect(fewer).toBeGreaterThan(0)
    })

    it('shows signals and a forecast with its intervals on the analysis page', async () => {
      const page = await openAs(browser, server.url, analyst, '/analysis')

      await chartDrawn(page, '[aria-labelledby="trend-title"]')
      await chartDrawn(page, '[aria-labelledby="forecast-title"]')
      await page
        .locator('[aria-labelledby="signals-title"]')
        .getByText(/series tested/)
        .waitFor()
      expect(
        await page.getByText('the shaded bands hold the next months').count(),
      ).toBeGreaterThan(0)
      await page.screenshot({
        path: 'e2e/artifacts/analysis.png',
        fullPage: true,
      })
    })
  },
)

import { mkdir } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPeople, openAs, type Person } from './support/board-people'
import { BOOTSTRAP_ADMIN, callApi, logIn } from './support/board-users'
import { launchChromium, shouldSkipBrowserTests } from './support/browser'
import { startTestServer, type TestServer } from './support/test-server'

const PIN_TEXT = 'Recruitment hub near the station'

describe.skipIf(shouldSkipBrowserTests())('a live board', () => {
  let server: TestServer
  let browser: Browser
  let coordinator: Person
  let analyst: Person
  let reviewer: Person
  let boardPath: string

  beforeAll(async () => {
    server = await startTestServer({ env: BOOTSTRAP_ADMIN })
    browser = await launchChromium()
    const { people } = await createPeople(server.url, [
      { displayName: 'Ana Coordinator', role: 'coordinator' },
      { displayName: 'Bram Analyst', role: 'analyst' },
      { displayName: 'Chris Reviewer', role: 'reviewer' },
    ])
    ;[coordinator, analyst, reviewer] = people as [Person, Person, Person]
    const owner = await logIn(
      server.url,
      coordinator.email,
      coordinator.password,
    )
    const { id } = await callApi<{ id: string }>(
      server.url,
      owner,
      'POST',
      '/api/boards',
      { title: 'Eastern route review', visibility: 'centre' },
    )
    boardPath = `/boards/${id}`
  })

  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  const mapReady = (page: Page) =>
    page.waitForSelector('[data-testid="world-map"][data-map-state="ready"]')

  it("shows one person's pin to another, saves it and keeps it on reload", async () => {
    const pageErrors: string[] = []
    const first = await openAs(browser, server.url, coordinator, boardPath)
    const second = await openAs(browser, server.url, analyst, boardPath)
    for (const page of [first, second]) {
      page.on('pageerror', (error) => pageErrors.push(error.message))
    }
    await Promise.all([mapReady(first), mapReady(second)])

    await first.getByRole('button', { name: 'Pin', exact: true }).click()
    const map = first.getByTestId('world-map')
    const box = await map.boundingBox()
    if (!box) throw new Error('the map has no box')
    await first.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.4)
    await first.getByLabel('Text', { exact: true }).fill(PIN_TEXT)

    const pinOnSecond = second.getByRole('button', {
      name: `Pin: ${PIN_TEXT}, by Ana Coordinator`,
    })
    await pinOnSecond.waitFor()
    await second
      .getByTestId('participants')
      .getByText('Ana Coordinator')
      .waitFor()
    const secondMap = await second.getByTestId('world-map').boundingBox()
    if (!secondMap) throw new Error('the map has no box')
    await second.mouse.move(secondMap.x + 300, secondMap.y + 200)
    await first.locator('.remote-cursor', { hasText: 'Bram Analyst' }).waitFor()
    await first.waitForSelector(
      '[data-testid="save-status"][data-status="saved"]',
    )
    expect(await first.getByTestId('save-status').textContent()).toBe('Saved')

    await mkdir('e2e/artifacts', { recursive: true })
    await first.screenshot({ path: 'e2e/artifacts/board.png' })

    await first.reload()
    await mapReady(first)
    await first
      .getByRole('button', { name: `Pin: ${PIN_TEXT}, by Ana Coordinator` })
      .waitFor()
    expect(pageErrors).toEqual([])
  })

  it('carries comments, the narrative and the presenter between people', async () => {
    const first = await openAs(browser, server.url, coordinator, boardPath)
    const second = await openAs(browser, server.url, analyst, boardPath)
    await Promise.all([mapReady(first), mapReady(second)])
    const pinName = `Pin: ${PIN_TEXT}, by Ana Coordinator`

    await first.getByRole('button', { name: pinName }).click()
    await first.getByLabel('New comment').fill('Seen in three case files')
    await first.getByRole('button', { name: 'Comment', exact: true }).click()
    await second.getByRole('button', { name: pinName }).click()
    await second.getByText('Seen in three case files').waitFor()
    await second.getByLabel('Reply').fill('Also in the labour inspection data')
    await second.getByRole('button', { name: 'Reply', exact: true }).click()
    await first.getByText('Also in the labour inspection data').waitFor()
    await first.getByRole('button', { name: 'Resolve' }).click()
    await second.getByText('Resolved', { exact: true }).waitFor()

    await second.getByRole('tab', { name: 'Narrative' }).click()
    await second
      .getByRole('textbox', { name: 'Narrative' })
      .fill('Arrivals rose after May.')
    await first.getByRole('tab', { name: 'Narrative' }).click()
    await first.waitForFunction(
      () =>
        (document.getElementById('board-narrative') as HTMLTextAreaElement)
          ?.value === 'Arrivals rose after May.',
    )

    await first.getByRole('button', { name: 'Present' }).click()
    await second.getByLabel('Follow Ana Coordinator').waitFor()
    expect(await second.getByLabel('Follow Ana Coordinator').isChecked()).toBe(
      true,
    )
    await second.getByTestId('participants').getByText('presenting').waitFor()
    await first.getByRole('button', { name: 'Stop presenting' }).click()
    await second.getByLabel('Follow Ana Coordinator').waitFor({
      state: 'detached',
    })
  })

  it('lists the boards open to a person and opens a new one', async () => {
    const page = await openAs(browser, server.url, analyst, '/boards')
    await page.getByRole('link', { name: 'Eastern route review' }).waitFor()

    await page.getByLabel('Title').fill('Labour sector watch')
    await page.getByRole('button', { name: 'Create board' }).click()
    await page.getByRole('heading', { name: 'Labour sector watch' }).waitFor()
    await mapReady(page)
    await page.locator('.board-back').click()
    await page.getByRole('link', { name: 'Labour sector watch' }).waitFor()
  })

  it('lets a reviewer see the board but not draw on it', async () => {
    const page = await openAs(browser, server.url, reviewer, boardPath)
    await mapReady(page)

    await page
      .getByRole('button', { name: `Pin: ${PIN_TEXT}, by Ana Coordinator` })
      .waitFor()
    await page.getByText('You can view this board but not change it.').waitFor()
    expect(
      await page.getByRole('toolbar', { name: 'Drawing tools' }).count(),
    ).toBe(0)
    expect(
      await page.getByRole('button', { name: 'Pin', exact: true }).count(),
    ).toBe(0)
  })
})

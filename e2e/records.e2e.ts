import { mkdir } from 'node:fs/promises'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPeople, openAs, type Person } from './support/board-people'
import { BOOTSTRAP_ADMIN } from './support/board-users'
import { launchChromium, shouldSkipBrowserTests } from './support/browser'
import { startTestServer, type TestServer } from './support/test-server'

const CENTRE_KEY = 'c0ffee'.repeat(11).slice(0, 64)
// More than one page of the list, which shows 50 records at a time.
const GOOD_ROWS = 55
const GOOD_ROW = 'smuggling,2024-01,male,30-38,SY,TR|GR'
const CSV_HEADER = 'phenomenon,observedOn,gender,ageBand,citizenship,transit'

function csvFile(name: string, rows: string[]) {
  return {
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from([CSV_HEADER, ...rows].join('\r\n')),
  }
}

describe.skipIf(shouldSkipBrowserTests())('the records pages', () => {
  let server: TestServer
  let browser: Browser
  let analyst: Person
  let page: Page
  let storedId = ''

  beforeAll(async () => {
    server = await startTestServer({ env: BOOTSTRAP_ADMIN })
    browser = await launchChromium()
    await mkdir('e2e/artifacts', { recursive: true })
    const { people } = await createPeople(server.url, [
      { displayName: 'Dana Analyst', role: 'analyst' },
    ])
    analyst = people[0]!
    page = await openAs(browser, server.url, analyst, '/records/new')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  const fillRequiredFields = async () => {
    await page.getByLabel('Phenomenon (required)').selectOption('trafficking')
    await page.getByLabel('Observed in (required)').fill('2024-03')
  }

  it('stores a submitted record, shows its id and lets its partner edit it', async () => {
    await page.getByRole('link', { name: 'Records', exact: true }).waitFor()
    await fillRequiredFields()
    await page.getByLabel('Gender').selectOption('female')
    await page.getByRole('radio', { name: 'exact years' }).check()
    await page.getByLabel('Exact age (years)').fill('19')
    await page.getByLabel('Citizenship').selectOption('NG')
    await page.getByLabel('Origin').selectOption('NG')
    await page.getByRole('button', { name: 'Add a transit country' }).click()
    await page.getByLabel('Transit country 1').selectOption('LY')
    await page.getByRole('button', { name: 'Add a transit country' }).click()
    await page.getByLabel('Transit country 2').selectOption('IT')
    await page.getByLabel('Destination').selectOption('BE')
    await page.getByRole('checkbox', { name: 'Sexual', exact: true }).check()
    await page.getByLabel('Summary').fill('Recruited online with a job offer')
    const sentBodies: string[] = []
    page.on('request', (request) => sentBodies.push(request.postData() ?? ''))
    await page.getByText('Make the linkage key from identifiers').click()
    await page.getByLabel('Family name').fill('Okonkwo')
    await page.getByLabel('Given names').fill('Adaeze Grace')
    await page.getByLabel('Date of birth').fill('2005-02-11')
    await page.getByLabel('Centre-issued key (hexadecimal)').fill(CENTRE_KEY)
    await page.getByRole('button', { name: 'Make linkage key' }).click()
    await page.getByText('Linkage key made and filled in').waitFor()
    const linkageKey = await page.getByLabel('Linkage key').inputValue()
    expect(linkageKey).toMatch(/^[0-9a-f]{64}$/)
    expect(await page.getByLabel('Family name').inputValue()).toBe('')
    await page.getByRole('button', { name: 'Submit record' }).click()

    const id = page.getByTestId('stored-record-id')
    await id.waitFor()
    storedId = (await id.textContent()) ?? ''
    expect(storedId).toMatch(/^\d+$/)
    expect(sentBodies.join('\n')).toContain(linkageKey)
    expect(sentBodies.join('\n')).not.toMatch(/Okonkwo|Adaeze|2005-02-11/)

    await page.getByRole('link', { name: 'See the records' }).click()
    const row = page.locator(`tr[data-record-id="${storedId}"]`)
    await row.waitFor()
    expect(await row.textContent()).toContain('18-20')
    expect(await row.textContent()).toContain('NG → LY → IT → BE')
    await row.getByRole('link', { name: `Edit record ${storedId}` }).click()
    const persons = page.getByLabel('Persons')
    await page
      .getByRole('heading', { name: `Edit record ${storedId}` })
      .waitFor()
    expect(
      await page.getByLabel('Age band', { exact: true }).inputValue(),
    ).toBe('18-20')
    await persons.fill('2')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.getByText(`Record ${storedId} was saved.`).waitFor()
    await page.getByRole('link', { name: 'Back to the records' }).click()
    await row.locator('td').nth(3).getByText('2', { exact: true }).waitFor()
  })

  it('refuses a summary with an e-mail address beside the field and stores nothing', async () => {
    await page.goto(`${server.url}/records/new`)
    await fillRequiredFields()
    const summary = page.getByLabel('Summary')
    await summary.fill('Her sister wrote from amina.k@example.org last week')
    await page.getByRole('button', { name: 'Submit record' }).click()

    await page.getByRole('alert').filter({ hasText: 'refused' }).waitFor()
    await page.waitForSelector('#record-summary[aria-invalid="true"]')
    const error = page.locator('#record-summary-error')
    expect(await error.textContent()).toContain(
      'summary contains an e-mail address',
    )
    expect(await error.textContent()).not.toContain('amina')
    expect(await summary.getAttribute('aria-describedby')).toContain(
      'record-summary-error',
    )
    await page.screenshot({
      path: 'e2e/artifacts/records-form.png',
      fullPage: true,
    })

    await page.goto(`${server.url}/records`)
    await page.locator(`tr[data-record-id="${storedId}"]`).waitFor()
    expect(await page.locator('tr[data-record-id]').count()).toBe(1)
  })

  it('explains a refused export with the groups that fall short', async () => {
    await page.getByRole('button', { name: 'Export CSV' }).click()

    const notice = page.getByTestId('disclosure-risk')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('at least 11 records')
    const groups = page.getByRole('table', {
      name: 'Groups below the export threshold',
    })
    const group = await groups.locator('tbody tr').first().allTextContents()
    expect(group.join(' ')).toMatch(/2024-03\s*Female\s*18-20\s*Nigeria/)
    await page.screenshot({ path: 'e2e/artifacts/records-list.png' })
  })

  it('checks a CSV file with one bad row and names its line, field and rule', async () => {
    await page.goto(`${server.url}/records/import`)
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles(
        csvFile('with-a-bad-row.csv', [
          'smuggling,2024-01,male,30-38,SY,TR|GR',
          'trafficking,2024-02,woman,18-20,RO,',
        ]),
      )
    await page.getByRole('button', { name: 'Check file' }).click()

    const refused = page.getByRole('table', { name: 'Refused rows' })
    await refused.waitFor()
    const cells = await refused.locator('tbody tr').first().allTextContents()
    expect(cells.join(' ')).toMatch(/^3\s*gender\s*not_in_vocabulary/)
    expect(await page.getByTestId('rows-read').textContent()).toBe('2')
    expect(await page.getByTestId('rows-refused').textContent()).toBe('1')
    await page.getByText('Checked only: nothing was stored').waitFor()
    await page.screenshot({ path: 'e2e/artifacts/records-import.png' })
  })

  it('imports a good CSV file once, lists its import and withdraws it', async () => {
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles(csvFile('good-rows.csv', Array(GOOD_ROWS).fill(GOOD_ROW)))
    await page.getByRole('button', { name: 'Import' }).click()
    await page
      .getByText(`Stored as one import of ${GOOD_ROWS} record(s).`)
      .waitFor()
    await page.getByRole('button', { name: 'Import' }).click()
    await page.getByText('had already been imported').waitFor()

    await page.getByRole('link', { name: "See this import's records" }).click()
    await page.getByText('50 shown').waitFor()
    await page.getByRole('button', { name: 'Load more' }).click()
    await page.getByText(`${GOOD_ROWS} shown`).waitFor()
    expect(await page.locator('tr[data-record-id]').count()).toBe(GOOD_ROWS)
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(
      0,
    )

    await page.getByRole('link', { name: 'Our imports' }).click()
    const imports = page.getByRole('table', { name: 'Imports' })
    const row = imports.locator('tbody tr', { hasText: 'good-rows.csv' })
    await row.waitFor()
    expect(await imports.locator('tbody tr').count()).toBe(1)
    page.once('dialog', (dialog) => dialog.accept())
    await row.getByRole('button', { name: /^Withdraw/ }).click()
    await page
      .getByRole('status')
      .filter({
        hasText: `Withdrew good-rows.csv: ${GOOD_ROWS} record(s) removed.`,
      })
      .waitFor()
    await row.getByText('withdrawn').waitFor()
  })
})

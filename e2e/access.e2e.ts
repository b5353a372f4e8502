import { mkdir } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, shouldSkipBrowserTests } from './support/browser'
import {
  E2E_ADMIN as ADMIN,
  E2E_ADMIN_ENV,
  fillSignInForm as signInThroughPage,
} from './support/sign-in'
import { startTestServer, type TestServer } from './support/test-server'

describe.skipIf(shouldSkipBrowserTests())('identity and access pages', () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    server = await startTestServer({ env: E2E_ADMIN_ENV })
    browser = await launchChromium()
    await mkdir('e2e/artifacts', { recursive: true })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })

  it('signs in, creates a user, who then signs in in another browser', async () => {
    const adminContext = await browser.newContext()
    const admin = await adminContext.newPage()

    await admin.goto(server.url)
    await admin.waitForURL(/\/login\?next=/)
    await admin.screenshot({ path: 'e2e/artifacts/login.png' })
    await signInThroughPage(admin, ADMIN.email, 'a wrong password for sure')
    await admin.getByRole('alert').waitFor()
    expect(await admin.getByRole('alert').textContent()).toContain('not right')
    await signInThroughPage(admin, ADMIN.email, ADMIN.password)
    await admin.getByRole('link', { name: 'Users' }).click()
    await admin.waitForURL(/\/admin\/users$/)

    await admin.getByRole('link', { name: 'Partners' }).click()
    await admin
      .getByRole('table', { name: 'Partners' })
      .getByText('CIATTEH Centre')
      .waitFor()
    const addPartner = admin.getByRole('form', { name: 'Add a partner' })
    await addPartner.getByLabel('Name').fill('Labour Inspection North')
    await addPartner.getByLabel('Kind').selectOption('inspection')
    await addPartner.getByRole('button', { name: 'Add partner' }).click()
    await admin
      .getByRole('table', { name: 'Partners' })
      .getByText('Labour Inspection North')
      .waitFor()

    await admin.getByRole('link', { name: 'Tokens' }).click()
    const addToken = admin.getByRole('form', { name: 'Create a token' })
    await addToken
      .getByLabel('Partner')
      .selectOption({ label: 'Labour Inspection North' })
    await addToken.getByLabel('Name').fill('Inspection case system')
    await addToken.getByLabel('Submit records').check()
    await addToken.getByRole('button', { name: 'Create token' }).click()
    const secret = await admin
      .getByTestId('new-token')
      .locator('code')
      .textContent()
    expect(secret).toMatch(/^ciatteh_[a-z2-7]{52}$/)
    await admin.getByRole('cell', { name: 'Inspection case system' }).waitFor()

    await admin.getByRole('link', { name: 'Users' }).click()
    const newUser = `analyst-${Date.now()}@police.example`
    const form = admin.getByRole('form', { name: 'Create a user' })
    await form.getByLabel('E-mail').fill(newUser)
    await form.getByLabel('Name').fill('Nadia Analyst')
    await form.getByLabel('Role').selectOption('analyst')
    await form.getByRole('button', { name: 'Create user' }).click()
    const shown = admin.getByTestId('one-time-password').locator('code')
    const password = (await shown.textContent()) ?? ''
    await admin.getByRole('cell', { name: newUser }).waitFor()
    await admin.screenshot({ path: 'e2e/artifacts/admin-users.png' })
    expect(password).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){5}$/)

    await admin.getByRole('link', { name: 'Audit' }).click()
    const trail = admin.getByRole('table', { name: 'Audit events' })
    await trail.getByRole('cell', { name: 'user.created' }).first().waitFor()
    await admin.getByLabel('Outcome').selectOption('failure')
    await admin.getByRole('button', { name: 'Filter' }).click()
    const created = trail.getByRole('cell', { name: 'user.created' })
    await expect.poll(() => created.count()).toBe(0)
    await trail.getByRole('cell', { name: 'auth.login' }).first().waitFor()
    await admin.screenshot({ path: 'e2e/artifacts/admin-audit.png' })

    const userContext = await browser.newContext()
    const user = await userContext.newPage()
    await user.goto(`${server.url}/login`)
    await signInThroughPage(user, newUser, password)
    // The password was made for her: she must choose her own first.
    await user.waitForURL(/\/account$/)
    await user.getByText('Choose your own').waitFor()
    const change = user.getByRole('form', { name: 'Change password' })
    await change.getByLabel('Current password').fill(password)
    await change
      .getByLabel('New password (12')
      .fill('nadia chooses her own words')
    await change
      .getByLabel('New password again')
      .fill('nadia chooses her own words')
    await change.getByRole('button', { name: 'Change password' }).click()
    await user.getByText('Password changed').waitFor()
    await user.getByRole('link', { name: /Nadia Analyst · Analyst/ }).click()
    await user.getByRole('heading', { name: 'My account' }).waitFor()
    await user
      .getByRole('table', { name: 'My sessions' })
      .getByText('this browser')
      .waitFor()
    await user.screenshot({ path: 'e2e/artifacts/account.png' })
    expect(await user.getByRole('link', { name: 'Users' }).count()).toBe(0)

    await user.goto(`${server.url}/admin/users`)
    await user.getByText("Only the centre's administrators").waitFor()

    await userContext.close()
    await adminContext.close()
  })
})

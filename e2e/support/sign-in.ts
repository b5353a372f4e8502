import type { Page } from 'playwright-core'

/**
 * The first admin of a test server: pass `env: E2E_ADMIN_ENV` to
 * `startTestServer`, then sign in with `E2E_ADMIN`.
 */
export const E2E_ADMIN = {
  email: 'first.admin@centre.example',
  password: 'an admin passphrase for e2e tests',
}

export const E2E_ADMIN_ENV = {
  BOOTSTRAP_ADMIN_EMAIL: E2E_ADMIN.email,
  BOOTSTRAP_ADMIN_PASSWORD: E2E_ADMIN.password,
}

/** Fills in and sends the sign-in form of the page in view. */
export async function fillSignInForm(
  page: Page,
  email: string,
  password: string,
): Promise<void> {
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/**
 * Opens `path` on the server as someone signed in: the app sends the
 * browser to the sign-in page first, and back to `path` afterwards.
 */
export async function openSignedIn(
  page: Page,
  url: string,
  path = '/',
  account = E2E_ADMIN,
): Promise<void> {
  await page.goto(`${url}${path}`)
  await page.waitForURL(/\/login/)
  await fillSignInForm(page, account.email, account.password)
  await page.waitForURL((current) => !current.pathname.startsWith('/login'))
}

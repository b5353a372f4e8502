import type { Browser, Page } from 'playwright-core'
import { BOOTSTRAP_ADMIN, callApi, logIn, type SignedIn } from './board-users'

export type PersonRole = 'coordinator' | 'analyst' | 'reviewer'

export interface Person {
  email: string
  password: string
  displayName: string
  role: PersonRole
}

/**
 * The bootstrap admin creates people of its own partner with the given
 * roles, through the real admin API; returns them with their passwords.
 */
export async function createPeople(
  url: string,
  people: { displayName: string; role: PersonRole }[],
): Promise<{ admin: SignedIn; people: Person[] }> {
  const admin = await logIn(
    url,
    BOOTSTRAP_ADMIN.BOOTSTRAP_ADMIN_EMAIL,
    BOOTSTRAP_ADMIN.BOOTSTRAP_ADMIN_PASSWORD,
  )
  const me = await callApi<{ user: { partnerId: string } }>(
    url,
    admin,
    'GET',
    '/api/me',
  )
  const created: Person[] = []
  for (const person of people) {
    const slug = person.displayName.toLowerCase().replace(/\W+/g, '.')
    const email = `${slug}.${Date.now()}@centre.example`
    const password = `a long passphrase for ${slug} 7`
    await callApi(url, admin, 'POST', '/api/users', {
      partnerId: me.user.partnerId,
      email,
      displayName: person.displayName,
      role: person.role,
      password,
    })
    created.push({ ...person, email, password })
  }

  return { admin, people: created }
}

/**
 * Opens `path` in a fresh browser context as `person`, signing in through
 * the sign-in page as they would.
 */
export async function openAs(
  browser: Browser,
  url: string,
  person: Person,
  path: string,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1360, height: 820 },
  })
  const page = await context.newPage()
  await page.goto(`${url}/login?next=${encodeURIComponent(path)}`)
  await page.getByLabel('E-mail').fill(person.email)
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`${url}${path}`)

  return page
}

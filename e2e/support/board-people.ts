import type { Browser, Page } from 'playwright-core'
import { createUsersAsAdmin, type NewUser, type SignedIn } from './board-users'

export type PersonRole = NewUser['role']

export type Person = NewUser

/**
 * The bootstrap admin creates people of its own partner with the given
 * roles, through the real admin API; returns them with their passwords.
 */
export async function createPeople(
  url: string,
  people: { displayName: string; role: PersonRole }[],
): Promise<{ admin: SignedIn; people: Person[] }> {
  const created = people.map((person) => {
    const slug = person.displayName.toLowerCase().replace(/\W+/g, '.')
    return {
      ...person,
      email: `${slug}.${Date.now()}@centre.example`,
      password: `a long passphrase for ${slug} 7`,
    }
  })
  const admin = await createUsersAsAdmin(url, created)

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

/**
 * Signs in through the real API of a running server, for tests that drive
 * it as a separate process: the bootstrap admin creates an analyst, who
 * signs in and creates boards. Sessions live in the database, so the
 * returned headers still work after the server restarts on the same data.
 */
export const BOOTSTRAP_ADMIN = {
  BOOTSTRAP_ADMIN_EMAIL: 'first.admin@centre.example',
  BOOTSTRAP_ADMIN_PASSWORD: 'correct horse battery staple 42',
}

export interface SignedIn {
  cookie: string
  /** Cookie and Origin, as a browser on the site would send them. */
  headersFor(url: string): Record<string, string>
}

export async function logIn(
  url: string,
  email: string,
  password: string,
): Promise<SignedIn> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url },
    body: JSON.stringify({ email, password }),
  })
  if (response.status !== 200) {
    throw new Error(`login failed with ${response.status}`)
  }
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .find((pair) => pair?.includes('session='))
  if (!cookie) throw new Error('login set no session cookie')

  return {
    cookie,
    headersFor: (origin) => ({ Cookie: cookie, Origin: origin }),
  }
}

export async function callApi<T>(
  url: string,
  user: SignedIn,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...user.headersFor(url), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) {
    const detail = await response.text()
    throw new Error(`${method} ${path} answered ${response.status}: ${detail}`)
  }

  return (await response.json()) as T
}

export interface NewUser {
  email: string
  password: string
  displayName: string
  role: 'coordinator' | 'analyst' | 'reviewer'
}

/**
 * The bootstrap admin signs in and creates each user in its own partner,
 * through the real admin API; returns the admin, still signed in.
 */
export async function createUsersAsAdmin(
  url: string,
  users: NewUser[],
): Promise<SignedIn> {
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
  for (const user of users) {
    await callApi(url, admin, 'POST', '/api/users', {
      partnerId: me.user.partnerId,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      password: user.password,
    })
  }

  return admin
}

/** The bootstrap admin creates an analyst in its partner; signs them in. */
export async function signInAnalyst(url: string): Promise<SignedIn> {
  const suffix = `${Date.now()}-${Math.random().toString(36).slice(2)}`
  const analyst: NewUser = {
    email: `analyst-${suffix}@centre.example`,
    password: 'a long analyst passphrase 7',
    displayName: 'Analyst',
    role: 'analyst',
  }
  await createUsersAsAdmin(url, [analyst])

  return logIn(url, analyst.email, analyst.password)
}

export async function createBoard(
  url: string,
  user: SignedIn,
  title = 'Live board',
): Promise<string> {
  const { id } = await callApi<{ id: string }>(
    url,
    user,
    'POST',
    '/api/boards',
    {
      title,
      visibility: 'centre',
    },
  )

  return id
}

import { createSignal } from 'solid-js'
import { ApiError, apiRequest, onSignedOut } from '../api/api-client'
import type { Me } from '../api/types'

/**
 * Who is signed in: `undefined` until the server has answered, `null` when
 * nobody is. Any 401 from the API signs the page out, so an ended session
 * sends the person back to the sign-in page.
 */
const [me, setMe] = createSignal<Me | null | undefined>(undefined)

export { me }

onSignedOut(() => setMe(null))

export async function loadMe(): Promise<void> {
  try {
    const { user } = await apiRequest<{ user: Me }>('GET', '/api/me')
    setMe(user)
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return
    throw error
  }
}

export async function signIn(email: string, password: string): Promise<Me> {
  const { user } = await apiRequest<{ user: Me }>('POST', '/api/auth/login', {
    email,
    password,
  })
  setMe(user)
  return user
}

export async function signOut(): Promise<void> {
  await apiRequest('POST', '/api/auth/logout')
  setMe(null)
}

import { apiRequest } from './api-client'
import type { PartnerView, UserView } from './types'

/** Every partner organisation, for lists and name lookups. */
export async function fetchPartners(): Promise<PartnerView[]> {
  const body = await apiRequest<{ partners: PartnerView[] }>(
    'GET',
    '/api/partners',
  )
  return body.partners
}

/** Every user account; only an admin may ask. */
export async function fetchUsers(): Promise<UserView[]> {
  const body = await apiRequest<{ users: UserView[] }>('GET', '/api/users')
  return body.users
}

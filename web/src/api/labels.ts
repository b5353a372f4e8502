import type { PartnerKind, Role, TokenScope } from './types'

// Records keyed by the server's unions: a new role, kind or scope on the
// server fails the type check here until it has a label.

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  coordinator: 'Coordinator',
  analyst: 'Analyst',
  reviewer: 'Reviewer',
}

export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  centre: 'Centre',
  ngo: 'NGO',
  ministry: 'Ministry',
  prosecution: 'Prosecution',
  police: 'Police',
  inspection: 'Inspection',
}

export const SCOPE_LABELS: Record<TokenScope, string> = {
  'records:write': 'Submit records',
  'records:read': 'Read records',
}

export const keysOf = <Key extends string>(labels: Record<Key, string>) =>
  Object.keys(labels) as Key[]

/** A timestamp in the reader's own time zone, to the minute. */
export function formatTime(iso: string | null): string {
  if (!iso) return '—'
  return new Date(iso).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
}

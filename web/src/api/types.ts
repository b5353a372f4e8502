import type { auditEvents } from '../../../db/schema'
import type { loadMe } from '../../../server/auth/auth-routes'
import type { describeSession } from '../../../server/auth/session-routes'
import type { Partner } from '../../../server/partners/partners'
import type { PublicApiToken } from '../../../server/partners/token-routes'
import type { PublicUser } from '../../../server/partners/users'
import type { Json } from './api-client'

/** The API's shapes, taken from the server so that there is one definition. */
export type Me = Json<Awaited<ReturnType<typeof loadMe>>>
export type SessionView = Json<ReturnType<typeof describeSession>>
export type PartnerView = Json<Partner>
export type UserView = Json<PublicUser>
export type ApiTokenView = Json<PublicApiToken>
export type AuditEventView = Json<typeof auditEvents.$inferSelect>
export type { Role, TokenScope } from '../../../server/auth/actor'
export type { PartnerKind } from '../../../server/partners/partners'

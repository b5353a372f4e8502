import type { Database } from '../../db/open-database'
import { PARTNER_KINDS, partners } from '../../db/schema'

export type PartnerKind = (typeof PARTNER_KINDS)[number]
export { PARTNER_KINDS }

export interface Partner {
  id: string
  name: string
  kind: PartnerKind
  isActive: boolean
  createdAt: Date
}

export async function insertPartner(
  db: Pick<Database, 'insert'>,
  input: { name: string; kind: PartnerKind },
  now: Date,
): Promise<Partner> {
  const [row] = await db
    .insert(partners)
    .values({ name: input.name.trim(), kind: input.kind, createdAt: now })
    .returning()
  if (!row) throw new Error('Inserting a partner returned no row')

  return row
}

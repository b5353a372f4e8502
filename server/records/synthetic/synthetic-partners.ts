import type { PARTNER_KINDS } from '../../../db/schema/identity'
import type { Weighted } from './seeded-random'

/**
 * A partner of the synthetic centre: what it sees (a mix of route
 * profiles), how much, and how completely it fills the optional fields.
 */
export interface SyntheticPartner {
  key: string
  name: string
  kind: (typeof PARTNER_KINDS)[number]
  /** Mean number of records a month, before seasonality and scaling. */
  recordsPerMonth: number
  /** Route profile keys and their share of this partner's records. */
  profiles: readonly Weighted<string>[]
  /** Probability that an optional field is filled rather than left out. */
  completeness: number
  /** Whether the partner grades its sources (Admiralty scale). */
  isGradingSources: boolean
  /** Share of its victim records that carry a linkage key. */
  linkageShare: number
}

export const SYNTHETIC_PARTNERS: readonly SyntheticPartner[] = [
  {
    key: 'equality-centre',
    name: 'Federal Migration and Equality Centre',
    kind: 'ngo',
    recordsPerMonth: 120,
    profiles: [
      ['west-africa-central-mediterranean', 25],
      ['eastern-europe-labour', 20],
      ['domestic-servitude', 15],
      ['forced-criminality', 10],
      ['domestic-sexual-exploitation', 15],
      ['service-sector-labour', 15],
    ],
    completeness: 0.9,
    isGradingSources: false,
    linkageShare: 0.8,
  },
  {
    key: 'missing-children',
    name: 'Missing Children Foundation',
    kind: 'ngo',
    recordsPerMonth: 40,
    profiles: [
      ['domestic-sexual-exploitation', 50],
      ['forced-criminality', 30],
      ['smuggling-through-belgium-towards-uk', 20],
    ],
    completeness: 0.8,
    isGradingSources: false,
    linkageShare: 0.7,
  },
  {
    key: 'federal-police',
    name: 'Federal Police',
    kind: 'police',
    recordsPerMonth: 200,
    profiles: [
      ['smuggling-through-belgium-towards-uk', 50],
      ['west-africa-central-mediterranean', 15],
      ['eastern-europe-labour', 10],
      ['forced-criminality', 15],
      ['domestic-sexual-exploitation', 10],
    ],
    completeness: 0.75,
    isGradingSources: true,
    linkageShare: 0.5,
  },
  {
    key: 'labour-inspection',
    name: 'Social Security Inspection',
    kind: 'inspection',
    recordsPerMonth: 90,
    profiles: [
      ['eastern-europe-labour', 60],
      ['service-sector-labour', 35],
      ['domestic-servitude', 5],
    ],
    completeness: 0.6,
    isGradingSources: true,
    linkageShare: 0.3,
  },
  {
    key: 'prosecution',
    name: 'Board of Prosecutors General',
    kind: 'prosecution',
    recordsPerMonth: 60,
    profiles: [
      ['west-africa-central-mediterranean', 20],
      ['eastern-europe-labour', 25],
      ['smuggling-through-belgium-towards-uk', 25],
      ['forced-criminality', 15],
      ['domestic-sexual-exploitation', 15],
    ],
    completeness: 0.85,
    isGradingSources: true,
    linkageShare: 0.6,
  },
  {
    key: 'immigration-office',
    name: 'Immigration Office',
    kind: 'ministry',
    recordsPerMonth: 80,
    profiles: [
      ['smuggling-through-belgium-towards-uk', 70],
      ['domestic-servitude', 10],
      ['west-africa-central-mediterranean', 20],
    ],
    completeness: 0.7,
    isGradingSources: false,
    linkageShare: 0.4,
  },
]

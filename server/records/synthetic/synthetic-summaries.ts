import type { RouteProfile } from './route-profiles'
import type { SeededRandom } from './seeded-random'

// Short case notes in the register partners use, free of identifiers, so
// that the identifier guard is exercised on realistic clean text.
const SUMMARIES_BY_PHENOMENON = {
  trafficking: [
    'Referred to a specialised shelter after a joint inspection.',
    'Reported by a social worker; the person accepted support.',
    'Identified during a check of premises; wages were withheld for months.',
    'The recruiter promised a job abroad that did not exist.',
    'Debt for the journey was repaid through work without pay.',
    'Documents were kept by the employer; housing was on site.',
    'Signals came from a hospital; the person left before an interview.',
    'Several persons worked long hours for a fraction of the legal wage.',
  ],
  smuggling: [
    'Intercepted in a lorry at a motorway parking area.',
    'Group found near the coast waiting for transport.',
    'Found in a refrigerated trailer during a port check.',
    'Paid a smuggling network in instalments along the way.',
    'Intercepted at a railway station on the way to the coast.',
  ],
} as const

/** A plausible, identifier-free case note for a record of this profile. */
export function summaryFor(
  random: SeededRandom,
  profile: RouteProfile,
): string {
  return random.pick(SUMMARIES_BY_PHENOMENON[profile.phenomenon])
}

import type { BootstrapResult } from '../partners/bootstrap-identities'
import type { Services } from '../services'
import { seedDemoBoard } from './demo-board'
import { seedDemoRecords } from './demo-records'

/**
 * Fills a freshly bootstrapped demo centre: synthetic records for its
 * partners and the sample board. Runs only when bootstrap has just made
 * the demo identities, that is on an empty database in demo mode.
 */
export async function seedDemo(
  services: Services,
  bootstrap: BootstrapResult | null,
): Promise<void> {
  const demo = bootstrap?.demo
  if (!demo) return
  const { db } = services.database
  const started = performance.now()
  const now = services.now()

  const recordCount = await db.transaction((tx) =>
    seedDemoRecords(tx, demo.partners, { now }),
  )
  const author = demo.users.find((u) => u.user.role === 'coordinator')
  if (author) {
    await seedDemoBoard(
      db,
      {
        userId: author.user.id,
        partnerId: author.partner.id,
        displayName: author.user.displayName,
      },
      now,
    )
  }
  services.log.info(
    { records: recordCount, ms: Math.round(performance.now() - started) },
    'demo centre seeded',
  )
}

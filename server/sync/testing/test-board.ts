import type { BoardVisibility } from '../../boards/board-access'
import { insertBoard } from '../../boards/board-store'
import type { Services } from '../../services'
import type { TestUser } from '../../testing/test-app'

/** Stores a board owned by `owner`'s partner without going through HTTP. */
export function insertTestBoard(
  services: Services,
  owner: TestUser,
  options: { title: string; visibility?: BoardVisibility },
) {
  return insertBoard(services.database.db, {
    title: options.title,
    visibility: options.visibility ?? 'partner',
    ownerPartnerId: owner.partner.id,
    createdBy: owner.user.id,
  })
}

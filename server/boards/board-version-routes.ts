import { and, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import * as Y from 'yjs'
import { z } from 'zod'
import { boardVersions } from '../../db/schema'
import { recordAudit } from '../audit/audit-trail'
import type { AppEnv } from '../auth/actor'
import { ANY_ROLE, requireActor } from '../auth/guards'
import { notFound } from '../http/app-error'
import { clientAddress } from '../http/client-address'
import { uuidParam } from '../http/id-param'
import { readJson } from '../http/read-json'
import type { Services } from '../services'
import { liveBoardsFor } from '../sync/live-boards'
import { replaceBoardContent } from './board-document'
import { boardFor } from './board-guards'
import { listVersions } from './board-store'

const VERSION_BODY = z
  .object({ name: z.string().trim().min(1).max(200) })
  .strict()

/** Coordinators name versions and bring them back; others read them. */
const VERSION_ROLES = ['coordinator'] as const

/** Where a server-made change comes from, as a Yjs transaction origin. */
const RESTORE_ORIGIN = 'version-restore'

/**
 * Named versions of a board. A version stores the live state at the time
 * it is made; restoring one writes its content over the board as a new
 * change, which every connected client receives and which is saved like
 * any edit, so nothing is lost and the restore itself can be undone by
 * restoring an earlier version.
 */
export function boardVersionRoutes(services: Services) {
  const { db } = services.database
  const liveBoards = liveBoardsFor(services)

  return new Hono<AppEnv>()
    .get(
      '/api/boards/:id/versions',
      requireActor({ roles: ANY_ROLE }),
      async (c) => {
        const { boardId } = await boardFor(c, services, 'viewer')

        return c.json({ versions: await listVersions(db, boardId) }, 200)
      },
    )
    .post(
      '/api/boards/:id/versions',
      requireActor({ roles: VERSION_ROLES }),
      async (c) => {
        const { actor, boardId } = await boardFor(c, services, 'editor')
        const { name } = await readJson(c, VERSION_BODY)
        const state = await liveBoards.withRoom(boardId, (room) =>
          Y.encodeStateAsUpdate(room.doc),
        )
        const [version] = await db
          .insert(boardVersions)
          .values({ boardId, name, state, createdBy: actor.userId })
          .returning({
            id: boardVersions.id,
            name: boardVersions.name,
            createdAt: boardVersions.createdAt,
          })
        await recordAudit(
          db,
          {
            action: 'board.version_created',
            actor,
            targetType: 'board',
            targetId: boardId,
            ipAddress: clientAddress(c),
            details: { versionId: version?.id },
          },
          services.now(),
        )

        return c.json({ version }, 201)
      },
    )
    .post(
      '/api/boards/:id/versions/:versionId/restore',
      requireActor({ roles: VERSION_ROLES }),
      async (c) => {
        const { actor, boardId } = await boardFor(c, services, 'editor')
        const versionId = uuidParam(c, 'versionId', 'The version')
        const [version] = await db
          .select({ state: boardVersions.state })
          .from(boardVersions)
          .where(
            and(
              eq(boardVersions.id, versionId),
              eq(boardVersions.boardId, boardId),
            ),
          )
        if (!version) throw notFound('The version')

        const source = new Y.Doc()
        Y.applyUpdate(source, version.state)
        await liveBoards.withRoom(boardId, (room) =>
          room.doc.transact(
            () => replaceBoardContent(room.doc, source),
            RESTORE_ORIGIN,
          ),
        )
        source.destroy()
        await recordAudit(
          db,
          {
            action: 'board.version_restored',
            actor,
            targetType: 'board',
            targetId: boardId,
            ipAddress: clientAddress(c),
            details: { versionId },
          },
          services.now(),
        )

        return c.json({ restored: versionId }, 200)
      },
    )
}

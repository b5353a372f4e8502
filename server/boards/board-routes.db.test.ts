import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents } from '../../db/schema'
import { CLOSE_CODES } from '../sync/close-codes'
import { whenDoc } from '../sync/testing/sync-client'
import {
  type SyncTestServer,
  startSyncTestServer,
} from '../sync/testing/sync-test-server'
import { createTestUser, sendJson, type TestUser } from '../testing/test-app'
import { boardDocument } from './board-document'

let server: SyncTestServer

beforeAll(async () => {
  server = await startSyncTestServer()
})

afterAll(async () => {
  await server.stop()
})

function call(user: TestUser, method: string, path: string, body?: unknown) {
  return sendJson(server.app, method, path, { headers: user.headers, body })
}

async function createBoard(user: TestUser, visibility = 'partner') {
  const response = await call(user, 'POST', '/api/boards', {
    title: 'Labour exploitation in agriculture',
    visibility,
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { id: string }).id
}

function connect(user: TestUser, boardId: string) {
  return server.connect(user, boardId, { wantsSavedNotices: true })
}

async function auditActions(boardId: string) {
  const rows = await server.services.database.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.targetType, 'board'),
        eq(auditEvents.targetId, boardId),
      ),
    )
  return rows.map((row) => row.action)
}

describe('boards API', () => {
  it('creates a board and lists it for its partner, not for others', async () => {
    const analyst = await createTestUser(server.services, { role: 'analyst' })
    const colleague = await createTestUser(server.services, {
      role: 'reviewer',
      partnerId: analyst.partner.id,
    })
    const outsider = await createTestUser(server.services, { role: 'analyst' })
    const boardId = await createBoard(analyst)

    const listed = async (user: TestUser) => {
      const body = (await (await call(user, 'GET', '/api/boards')).json()) as {
        boards: { id: string; access: string }[]
      }
      return body.boards.find((board) => board.id === boardId)?.access ?? null
    }

    expect(await listed(analyst)).toBe('editor')
    expect(await listed(colleague)).toBe('viewer')
    expect(await listed(outsider)).toBeNull()
    expect((await call(outsider, 'GET', `/api/boards/${boardId}`)).status).toBe(
      403,
    )
  })

  it('refuses a board with a bad visibility, naming the field', async () => {
    const analyst = await createTestUser(server.services, { role: 'analyst' })

    const response = await call(analyst, 'POST', '/api/boards', {
      title: 'Anything',
      visibility: 'everyone',
    })
    const body = (await response.json()) as { issues: { path: string }[] }

    expect(response.status).toBe(400)
    expect(body.issues.map((issue) => issue.path)).toEqual(['visibility'])
  })

  it('closes a removed member’s socket and audits the opening and the change', async () => {
    const owner = await createTestUser(server.services, { role: 'coordinator' })
    const guest = await createTestUser(server.services, { role: 'analyst' })
    const boardId = await createBoard(owner, 'members')
    const added = await call(
      owner,
      'PUT',
      `/api/boards/${boardId}/members/${guest.user.id}`,
      { access: 'editor' },
    )
    expect(added.status).toBe(200)
    const client = connect(guest, boardId)
    await client.synced()
    const closed = client.closed()

    const removed = await call(
      owner,
      'DELETE',
      `/api/boards/${boardId}/members/${guest.user.id}`,
    )

    expect(removed.status).toBe(204)
    expect(await closed).toBe(CLOSE_CODES.accessRevoked)
    expect(await auditActions(boardId)).toEqual(
      expect.arrayContaining([
        'board.created',
        'board.member_set',
        'board.opened',
        'board.member_removed',
      ]),
    )
  })

  it('turns a downgraded editor read-only: later edits are dropped', async () => {
    const owner = await createTestUser(server.services, { role: 'coordinator' })
    const guest = await createTestUser(server.services, { role: 'analyst' })
    const boardId = await createBoard(owner, 'members')
    const member = `/api/boards/${boardId}/members/${guest.user.id}`
    await call(owner, 'PUT', member, { access: 'editor' })
    const watcher = connect(owner, boardId)
    const client = connect(guest, boardId)
    await Promise.all([watcher.synced(), client.synced()])

    await call(owner, 'PUT', member, { access: 'viewer' })
    boardDocument(client.doc).narrative.insert(0, 'not allowed any more')
    boardDocument(watcher.doc).narrative.insert(0, 'allowed')
    await whenDoc(client.doc, () =>
      boardDocument(client.doc).narrative.toString().includes('allowed'),
    )
    await watcher.allSaved()

    expect(boardDocument(watcher.doc).narrative.toString()).toBe('allowed')
  })

  it('restores a version as a new change that live clients receive', async () => {
    const coordinator = await createTestUser(server.services, {
      role: 'coordinator',
    })
    const boardId = await createBoard(coordinator)
    const client = connect(coordinator, boardId)
    await client.synced()
    const { annotations } = boardDocument(client.doc)
    annotations.set('a1', pin('a1', 'Before'))
    await client.allSaved()

    const made = await call(
      coordinator,
      'POST',
      `/api/boards/${boardId}/versions`,
      {
        name: 'Before the meeting',
      },
    )
    const { version } = (await made.json()) as { version: { id: string } }
    annotations.set('a1', pin('a1', 'After'))
    annotations.set('a2', pin('a2', 'Added later'))
    await client.allSaved()
    const restored = await call(
      coordinator,
      'POST',
      `/api/boards/${boardId}/versions/${version.id}/restore`,
    )
    await whenDoc(client.doc, () => !annotations.has('a2'))

    expect(made.status).toBe(201)
    expect(restored.status).toBe(200)
    expect(annotations.get('a1')?.properties.text).toBe('Before')
  })

  it('lets coordinators name and restore versions, not analysts', async () => {
    const analyst = await createTestUser(server.services, { role: 'analyst' })
    const boardId = await createBoard(analyst)

    const made = await call(
      analyst,
      'POST',
      `/api/boards/${boardId}/versions`,
      {
        name: 'Not mine to name',
      },
    )
    const listed = await call(analyst, 'GET', `/api/boards/${boardId}/versions`)

    expect(made.status).toBe(403)
    expect(await listed.json()).toEqual({ versions: [] })
  })
})

function pin(id: string, text: string) {
  return {
    type: 'Feature' as const,
    id,
    geometry: {
      type: 'Point' as const,
      coordinates: [4.35, 50.85] as [number, number],
    },
    properties: {
      kind: 'pin' as const,
      text,
      colour: '#d9480f',
      authorId: 'test',
      authorName: 'Test',
      createdAt: '2024-01-01T00:00:00Z',
    },
  }
}

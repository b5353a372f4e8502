import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { invalidateSession } from '../auth/sessions'
import { createTestUser, sendJson, type TestUser } from '../testing/test-app'
import { readBoardState } from './board-log-store'
import { CLOSE_CODES } from './close-codes'
import { whenDoc } from './testing/sync-client'
import {
  type SyncTestServer,
  startSyncTestServer,
} from './testing/sync-test-server'
import { insertTestBoard } from './testing/test-board'

let server: SyncTestServer

beforeAll(async () => {
  server = await startSyncTestServer()
})

afterAll(async () => {
  await server.stop()
})

async function newBoard(
  owner: TestUser,
  visibility: 'centre' | 'partner' | 'members' = 'partner',
) {
  return insertTestBoard(server.services, owner, {
    title: 'Routes through the Balkans',
    visibility,
  })
}

function connect(user: TestUser, boardId: string, wantsSaved = true) {
  return server.connect(user, boardId, { wantsSavedNotices: wantsSaved })
}

function storedDoc(boardId: string): Promise<Y.Doc> {
  return readBoardState(server.services.database.db, boardId).then((state) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    return doc
  })
}

/** The HTTP status the server answers an upgrade with. */
function upgradeStatus(path: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const socket = new WebSocket(`${server.baseUrl}/${path}`, { headers })
    socket.on('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      socket.terminate()
    })
    socket.on('open', () => {
      resolve(101)
      socket.close()
    })
    socket.on('error', reject)
  })
}

describe('live board sync', () => {
  it('makes two editors converge on the same document', async () => {
    const alice = await createTestUser(server.services, { role: 'analyst' })
    const bob = await createTestUser(server.services, {
      role: 'analyst',
      partnerId: alice.partner.id,
    })
    const board = await newBoard(alice)
    const a = connect(alice, board.id)
    const b = connect(bob, board.id)
    await Promise.all([a.synced(), b.synced()])

    a.doc.getMap('annotations').set('pin-1', 'Vienna')
    b.doc.getMap('annotations').set('pin-2', 'Budapest')
    const bothPins = (doc: Y.Doc) => doc.getMap('annotations').size === 2
    await Promise.all([
      whenDoc(a.doc, () => bothPins(a.doc)),
      whenDoc(b.doc, () => bothPins(b.doc)),
    ])

    expect(a.doc.getMap('annotations').toJSON()).toEqual(
      b.doc.getMap('annotations').toJSON(),
    )
  })

  it('gives a late joiner the full state from the database', async () => {
    const alice = await createTestUser(server.services, { role: 'analyst' })
    const board = await newBoard(alice)
    const first = connect(alice, board.id)
    await first.synced()
    first.doc.getText('narrative').insert(0, 'Flows rose in spring.')
    await first.allSaved()
    const unloaded = server.liveBoards.rooms.whenUnloaded(board.id)
    first.destroy()
    await unloaded

    const late = connect(alice, board.id)
    await late.synced()

    expect(late.doc.getText('narrative').toString()).toBe(
      'Flows rose in spring.',
    )
  })

  it('tells a client which edits are saved, only once they are stored', async () => {
    const alice = await createTestUser(server.services, { role: 'analyst' })
    const board = await newBoard(alice)
    const client = connect(alice, board.id)
    await client.synced()

    client.doc.getMap('filters').set('year', 2024)
    await client.allSaved()
    const stored = await storedDoc(board.id)

    expect(stored.getMap('filters').get('year')).toBe(2024)
  })

  it("drops a viewer's edits: they reach neither the database nor others", async () => {
    const alice = await createTestUser(server.services, { role: 'analyst' })
    const reviewer = await createTestUser(server.services, {
      role: 'reviewer',
      partnerId: alice.partner.id,
    })
    const board = await newBoard(alice)
    const editor = connect(alice, board.id)
    const viewer = connect(reviewer, board.id)
    await Promise.all([editor.synced(), viewer.synced()])

    viewer.doc.getMap('annotations').set('forged', 'by a viewer')
    editor.doc.getMap('annotations').set('real', 'by an editor')
    await editor.allSaved()
    await whenDoc(viewer.doc, () =>
      viewer.doc.getMap('annotations').has('real'),
    )
    const stored = await storedDoc(board.id)

    expect(editor.doc.getMap('annotations').has('forged')).toBe(false)
    expect(stored.getMap('annotations').has('forged')).toBe(false)
    expect(stored.getMap('annotations').get('real')).toBe('by an editor')
  })

  it('disconnects a client whose session was logged out', async () => {
    const alice = await createTestUser(server.services, { role: 'analyst' })
    const board = await newBoard(alice)
    const client = connect(alice, board.id)
    await client.synced()
    const closed = client.closed()

    await invalidateSession(server.services, alice.session, 'logout')

    expect(await closed).toBe(CLOSE_CODES.sessionEnded)
  })

  it('disconnects a client whose account an admin disabled', async () => {
    const alice = await createTestUser(server.services, { role: 'analyst' })
    const admin = await createTestUser(server.services, { role: 'admin' })
    const board = await newBoard(alice)
    const client = connect(alice, board.id)
    await client.synced()
    const closed = client.closed()

    const response = await sendJson(
      server.app,
      'PATCH',
      `/api/users/${alice.user.id}`,
      { headers: admin.headers, body: { isDisabled: true } },
    )

    expect(response.status).toBe(200)
    expect(await closed).toBe(CLOSE_CODES.sessionEnded)
  })

  it('refuses an upgrade without a session (401) or from another site (403)', async () => {
    const alice = await createTestUser(server.services, { role: 'analyst' })
    const board = await newBoard(alice)

    const noCookie = await upgradeStatus(board.id, {
      Origin: server.services.config.publicOrigin,
    })
    const otherSite = await upgradeStatus(board.id, {
      Cookie: alice.cookie,
      Origin: 'https://elsewhere.example',
    })

    expect(noCookie).toBe(401)
    expect(otherSite).toBe(403)
    expect(server.liveBoards.rooms.find(board.id)).toBeNull()
  })

  it('refuses a board that is not open to the user (403)', async () => {
    const alice = await createTestUser(server.services, { role: 'analyst' })
    const outsider = await createTestUser(server.services, { role: 'analyst' })
    const board = await newBoard(alice, 'members')

    expect(await upgradeStatus(board.id, outsider.headers)).toBe(403)
    expect(await upgradeStatus(board.id, alice.headers)).toBe(101)
  })
})

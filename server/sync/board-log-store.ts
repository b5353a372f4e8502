import { sql } from 'drizzle-orm'
import * as Y from 'yjs'
import type { Database } from '../../db/open-database'
import { selectRows } from '../../db/rows'

/**
 * The durable side of a board: an append-only log of Yjs updates numbered
 * per board (`board_updates`) and a compacted snapshot (`board_snapshots`)
 * whose row also holds the board's seq counter. Every statement here is
 * short, so that embedded PGlite, which runs on the event loop, does not
 * stall live sync.
 */

/** The NOTIFY channel on which writers announce committed seqs. */
export const SYNC_CHANNEL = 'ciatteh_sync'

/** What a board's log holds after a given seq, snapshot first. */
export interface LogRead {
  /** Updates to apply in order; the snapshot's state first when read. */
  updates: Uint8Array[]
  /** The highest seq the read covers; the caller's new high-water mark. */
  lastSeq: number
  /** Updates logged past the snapshot, a hint for compaction. */
  updatesSinceSnapshot: number
}

type Reader = Pick<Database, 'execute'>

const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc())

/**
 * Reads everything logged for a board after `afterSeq` (0 for a full
 * load) in one statement, hence one consistent view: a compaction that
 * commits meanwhile cannot make rows vanish between two reads. When the
 * snapshot covers seqs the caller has not seen, its state comes first.
 */
export async function readBoardLog(
  db: Reader,
  boardId: string,
  afterSeq = 0,
): Promise<LogRead> {
  const rows = await selectRows<{
    kind: number
    seq: string | number | bigint
    bytes: Uint8Array | null
  }>(
    db,
    sql`select 0 as kind, up_to_seq as seq,
          case when up_to_seq > ${afterSeq} then state end as bytes
        from board_snapshots where board_id = ${boardId}
        union all
        select 1 as kind, u.seq, u.update as bytes
        from board_updates u
        where u.board_id = ${boardId} and u.seq > ${afterSeq}
          and u.seq > (select up_to_seq from board_snapshots
                       where board_id = ${boardId})
        order by kind, seq`,
  )
  const updates: Uint8Array[] = []
  let lastSeq = afterSeq
  let updatesSinceSnapshot = 0
  for (const row of rows) {
    const seq = Number(row.seq)
    if (row.bytes) updates.push(new Uint8Array(row.bytes))
    if (row.kind === 1) updatesSinceSnapshot++
    lastSeq = Math.max(lastSeq, seq)
  }

  return { updates, lastSeq, updatesSinceSnapshot }
}

export interface AppendOptions {
  /** Announce the commit on `SYNC_CHANNEL` (PostgreSQL only). */
  notifyAs?: string | null
}

/**
 * Appends one update and returns its seq. One statement, so one implicit
 * transaction: the counter row is bumped under its row lock, which makes
 * concurrent writers of one board (even in other processes) take turns,
 * so seqs never collide and commit in order. The optional NOTIFY is sent
 * by PostgreSQL only when the row is committed.
 */
export async function appendBoardUpdate(
  db: Reader,
  boardId: string,
  update: Uint8Array,
  options: AppendOptions = {},
): Promise<number> {
  const notifyAs = options.notifyAs ?? null
  const rows = await selectRows<{ seq: string | number | bigint }>(
    db,
    sql`with head as (
          insert into board_snapshots (board_id, state, up_to_seq, last_seq)
          values (${boardId}::uuid, ${EMPTY_STATE}::bytea, 0, 1)
          on conflict (board_id) do update
            set last_seq = board_snapshots.last_seq + 1
          returning last_seq
        ), appended as (
          insert into board_updates (board_id, seq, update)
          select ${boardId}::uuid, last_seq, ${update}::bytea from head
          returning seq
        )
        select seq,
          case when ${notifyAs}::text is not null then
            pg_notify(${SYNC_CHANNEL}, json_build_object(
              'kind', 'update', 'node', ${notifyAs}::text,
              'boardId', ${boardId}::text, 'seq', seq)::text)
          end as notified
        from appended`,
  )
  const seq = rows[0]?.seq
  if (seq === undefined) throw new Error('the update was not appended')

  return Number(seq)
}

/**
 * Folds the logged updates into the snapshot in one transaction: the
 * counter row is locked first (appends wait), the new state is computed
 * from what is stored, never from a live document, and the folded rows
 * are deleted. A decoding failure rolls everything back. Returns the
 * number of updates folded.
 */
export async function compactBoardLog(
  db: Database,
  boardId: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [head] = await selectRows<{ state: Uint8Array; up_to_seq: string }>(
      tx,
      sql`select state, up_to_seq from board_snapshots
          where board_id = ${boardId} for update`,
    )
    if (!head) return 0

    const rows = await selectRows<{ seq: string; update: Uint8Array }>(
      tx,
      sql`select seq, update from board_updates
          where board_id = ${boardId} and seq > ${head.up_to_seq}
          order by seq`,
    )
    const last = rows.at(-1)
    if (!last) return 0

    const doc = new Y.Doc()
    Y.applyUpdate(doc, new Uint8Array(head.state))
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update))
    const state = Y.encodeStateAsUpdate(doc)
    doc.destroy()

    await tx.execute(
      sql`update board_snapshots
          set state = ${state}::bytea, up_to_seq = ${last.seq}, updated_at = now()
          where board_id = ${boardId}`,
    )
    await tx.execute(
      sql`delete from board_updates
          where board_id = ${boardId} and seq <= ${last.seq}`,
    )

    return rows.length
  })
}

/** The board's whole stored state as one update (for versions, exports). */
export async function readBoardState(
  db: Reader,
  boardId: string,
): Promise<Uint8Array> {
  const { updates } = await readBoardLog(db, boardId)
  if (updates.length === 0) return EMPTY_STATE

  return Y.mergeUpdates(updates)
}

/** Creates the counter row of a new board, with an empty state. */
export async function createBoardLog(
  db: Reader,
  boardId: string,
): Promise<void> {
  await db.execute(
    sql`insert into board_snapshots (board_id, state, up_to_seq, last_seq)
        values (${boardId}::uuid, ${EMPTY_STATE}::bytea, 0, 0)
        on conflict (board_id) do nothing`,
  )
}

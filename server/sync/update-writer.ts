import * as Y from 'yjs'
import type { Logger } from '../logger'

export interface UpdateWriterOptions {
  boardId: string
  /** Durably appends one update, resolving with its seq. */
  append(update: Uint8Array): Promise<number>
  /** Folds the log into the snapshot; runs in the writer's turn. */
  compact(): Promise<number>
  /** The document's state vector when a batch is cut. */
  captureStateVector(): Uint8Array
  /** A batch is durable; `stateVector` covers everything in it. */
  onCommitted(seq: number, stateVector: Uint8Array): void
  /** The board's row is gone: nothing more can be written. */
  onBoardGone(): void
  groupCommitDelayMs: number
  compactionThreshold: number
  updatesSinceSnapshot: number
  log: Logger
}

const RETRY_FIRST_DELAY_MS = 50
const RETRY_MAX_DELAY_MS = 5_000
/** Attempts a flush makes on shutdown before it gives up and says so. */
const SHUTDOWN_ATTEMPTS = 5

/**
 * Group commit for one board: updates that arrive while a write is in
 * flight (or within the short delay before the first one) are merged and
 * written together, with at most one write in flight per board, so that
 * seqs are taken in the order updates were applied. A failed write is
 * retried with backoff and nothing is dropped; clients are told an edit is
 * saved only after its batch committed.
 */
export class UpdateWriter {
  readonly #options: UpdateWriterOptions
  #pending: Uint8Array[] = []
  #inFlight: Promise<void> | null = null
  #timer: NodeJS.Timeout | null = null
  #updatesSinceSnapshot: number
  #isBoardGone = false
  #isShuttingDown = false

  constructor(options: UpdateWriterOptions) {
    this.#options = options
    this.#updatesSinceSnapshot = options.updatesSinceSnapshot
  }

  get hasUnsavedUpdates(): boolean {
    return this.#pending.length > 0 || this.#inFlight !== null
  }

  enqueue(update: Uint8Array): void {
    if (this.#isBoardGone) return

    this.#pending.push(update)
    if (this.#inFlight || this.#timer) return

    this.#timer = setTimeout(() => {
      this.#timer = null
      this.#startWrite()
    }, this.#options.groupCommitDelayMs)
  }

  /** Resolves when everything enqueued so far is durable. */
  async flush(): Promise<void> {
    this.#clearTimer()
    while (this.#pending.length > 0 || this.#inFlight) {
      if (!this.#inFlight) this.#startWrite()
      await this.#inFlight
    }
  }

  /** Flushes, giving up after a few failed attempts (logged). */
  async flushForShutdown(): Promise<void> {
    this.#isShuttingDown = true
    await this.flush()
  }

  /** Compacts now if the log grew since the last snapshot. */
  async compactIfUseful(): Promise<void> {
    await this.flush()
    if (this.#updatesSinceSnapshot < 2 || this.#isBoardGone) return

    await this.#runExclusive(() => this.#compact())
  }

  #startWrite(): void {
    this.#clearTimer()
    if (this.#pending.length === 0 || this.#inFlight) return

    void this.#runExclusive(() => this.#writeAll())
  }

  /** Runs `work` as the board's one database operation in flight. */
  #runExclusive(work: () => Promise<void>): Promise<void> {
    this.#inFlight = work().finally(() => {
      this.#inFlight = null
      if (this.#pending.length > 0) this.#startWrite()
    })

    return this.#inFlight
  }

  async #writeAll(): Promise<void> {
    let attempt = 0
    while (this.#pending.length > 0 && !this.#isBoardGone) {
      const batch = this.#pending
      this.#pending = []
      const stateVector = this.#options.captureStateVector()
      const update = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch)
      try {
        const seq = await this.#options.append(update)
        attempt = 0
        this.#updatesSinceSnapshot++
        this.#options.onCommitted(seq, stateVector)
        if (this.#updatesSinceSnapshot >= this.#options.compactionThreshold) {
          await this.#compact()
        }
      } catch (error) {
        this.#pending.unshift(update)
        attempt++
        if (!this.#shouldRetry(error, attempt)) return
        await delay(retryDelayMs(attempt))
      }
    }
  }

  #shouldRetry(error: unknown, attempt: number): boolean {
    const { boardId, log } = this.#options
    if (isForeignKeyViolation(error)) {
      this.#isBoardGone = true
      this.#pending = []
      log.warn({ boardId }, 'board gone, its updates were not saved')
      this.#options.onBoardGone()
      return false
    }
    if (this.#isShuttingDown && attempt >= SHUTDOWN_ATTEMPTS) {
      log.error(
        { boardId, err: error, unsavedBatches: this.#pending.length },
        'board updates not saved at shutdown',
      )
      this.#pending = []
      return false
    }
    log.warn({ boardId, err: error, attempt }, 'board update write failed')

    return true
  }

  async #compact(): Promise<void> {
    const { boardId, log } = this.#options
    try {
      const folded = await this.#options.compact()
      this.#updatesSinceSnapshot = 0
      log.debug({ boardId, folded }, 'board log compacted')
    } catch (error) {
      // The log stays as it was (one transaction) and is still complete;
      // the next threshold crossing or unload tries again.
      log.warn({ boardId, err: error }, 'board log compaction failed')
    }
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
  }
}

function retryDelayMs(attempt: number): number {
  return Math.min(RETRY_FIRST_DELAY_MS * 2 ** (attempt - 1), RETRY_MAX_DELAY_MS)
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function isForeignKeyViolation(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; current && depth < 4; depth++) {
    if ((current as { code?: unknown }).code === '23503') return true
    current = (current as { cause?: unknown }).cause
  }

  return false
}

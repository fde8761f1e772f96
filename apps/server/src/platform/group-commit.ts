import type { Db, Tx } from './db.ts'

/**
 * Group commit for a hot write path: requests that arrive while a batch is being written wait and go together in
 * the next transaction, so N of them share its round trips, its serialising locks (a gap-free counter, the audit
 * head) and its commit. Each caller still gets its own result only once the transaction holding its item has
 * committed. If a batch fails, its items are retried one per transaction, so a bad item fails alone.
 */
export interface GroupCommit<I, O> {
  submit(item: I): Promise<O>
  /** Resolves once nothing is queued or being written (for shutdown and tests). */
  drain(): Promise<void>
  /** Transactions written and items in them since start (batch size = items / batches). */
  stats(): { batches: number; items: number }
}

interface Pending<I, O> {
  item: I
  resolve(o: O): void
  reject(err: unknown): void
}

export function groupCommit<I, O>(
  db: Pick<Db, 'tx'>,
  write: (tx: Tx, items: I[]) => Promise<O[]>,
  opts: { maxBatch?: number; concurrency?: number } = {},
): GroupCommit<I, O> {
  const maxBatch = opts.maxBatch ?? 64
  // One batch in flight: the next one fills up meanwhile (measured better than two, which split the queue and then
  // wait on the same locks anyway).
  const concurrency = opts.concurrency ?? 1
  const queue: Pending<I, O>[] = []
  let running = 0
  let idle: Array<() => void> = []
  const counts = { batches: 0, items: 0 }

  async function writeAlone(p: Pending<I, O>) {
    try {
      const [out] = await db.tx((tx) => write(tx, [p.item]))
      p.resolve(out as O)
    } catch (err) {
      p.reject(err)
    }
  }

  async function run(batch: Pending<I, O>[]) {
    try {
      const outs = await db.tx(async (tx) => {
        const r = await write(
          tx,
          batch.map((p) => p.item),
        )
        if (r.length !== batch.length) throw new Error(`group commit: ${r.length} results for ${batch.length} items`)
        return r
      })
      for (const [i, p] of batch.entries()) p.resolve(outs[i] as O)
    } catch (err) {
      if (batch.length === 1) batch[0]!.reject(err)
      else for (const p of batch) await writeAlone(p)
    }
  }

  function pump() {
    while (running < concurrency && queue.length) {
      const batch = queue.splice(0, maxBatch)
      running++
      counts.batches++
      counts.items += batch.length
      void run(batch).finally(() => {
        running--
        pump()
        if (!running && !queue.length) {
          const waiting = idle
          idle = []
          for (const w of waiting) w()
        }
      })
    }
  }

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject })
        pump()
      })
    },
    drain() {
      if (!running && !queue.length) return Promise.resolve()
      return new Promise((r) => idle.push(r))
    },
    stats: () => ({ ...counts }),
  }
}

/**
 * Coalesces concurrent reads of one kind into one query: while a load is in flight, further keys queue and go
 * together in the next one (the read-side twin of group commit). Under load, N requests share a round trip; a
 * lone request goes out at once. Every caller gets the answer for its own key; a failed load fails its callers.
 */
export function coalesce<K, V>(
  load: (keys: K[]) => Promise<V[]>,
  opts: { maxBatch?: number; concurrency?: number; keyOf?: (key: K) => string } = {},
): (key: K) => Promise<V> {
  // Equal keys in one batch are loaded once (several requests of one session, say) and share the answer.
  const keyOf = opts.keyOf ?? ((k: K) => (typeof k === 'string' ? k : JSON.stringify(k)))
  const maxBatch = opts.maxBatch ?? 64
  const concurrency = opts.concurrency ?? 1
  const queue: { key: K; resolve(v: V): void; reject(err: unknown): void }[] = []
  let running = 0

  function pump() {
    while (running < concurrency && queue.length) {
      const batch = queue.splice(0, maxBatch)
      running++
      const unique = new Map<string, number>()
      const keys: K[] = []
      for (const b of batch) {
        const k = keyOf(b.key)
        if (!unique.has(k)) {
          unique.set(k, keys.length)
          keys.push(b.key)
        }
      }
      load(keys)
        .then(
          (values) => {
            for (const b of batch) b.resolve(values[unique.get(keyOf(b.key))!] as V)
          },
          (err) => {
            for (const b of batch) b.reject(err)
          },
        )
        .finally(() => {
          running--
          pump()
        })
    }
  }

  return (key) =>
    new Promise<V>((resolve, reject) => {
      queue.push({ key, resolve, reject })
      pump()
    })
}

import fs from 'node:fs/promises'
import path from 'node:path'
import type { Queryable, Tx } from './db.ts'
import { parseS3Url, s3Client } from './files-s3.ts'

/** 256 KB rows: small enough for one bytea each, few enough per file at the upload limit. */
export const CHUNK_BYTES = 256 * 1024

/** Where file content lives; keyed by its sha256 (identical uploads share one copy). */
export interface BlobStore {
  readonly kind: 'postgres' | 's3'
  /** Stores the content; `tx` is the upload's transaction, so a PostgreSQL blob commits with its metadata. */
  put(tx: Tx, sha256: string, data: Buffer, mime: string): Promise<void>
  /** The content, or null when this store does not hold it. */
  get(q: Queryable, sha256: string): Promise<Buffer | null>
}

export function postgresBlobs(): BlobStore {
  return {
    kind: 'postgres',
    async put(tx, sha256, data) {
      const seqs: number[] = []
      const chunks: Buffer[] = []
      for (let off = 0, seq = 0; off < data.length; off += CHUNK_BYTES, seq++) {
        seqs.push(seq)
        chunks.push(data.subarray(off, off + CHUNK_BYTES))
      }
      // Content already stored by an earlier upload is kept as it is.
      await tx.query(
        `insert into core_file_blob (sha256, seq, data)
         select $1, s, d from unnest($2::int[], $3::bytea[]) as c(s, d)
         on conflict do nothing`,
        [sha256, seqs, chunks],
      )
    },
    async get(q, sha256) {
      const { rows } = await q.query('select data from core_file_blob where sha256 = $1 order by seq', [sha256])
      return rows.length ? Buffer.concat(rows.map((r) => r.data as Buffer)) : null
    },
  }
}

export function s3Blobs(url: string): BlobStore {
  const s3 = s3Client(parseS3Url(url))
  const key = (sha256: string) => `${sha256.slice(0, 2)}/${sha256}`
  return {
    kind: 's3',
    // Written before the metadata commits: a 2xx upload has its object stored; a rolled-back one leaves an
    // unreferenced object, harmless since objects are named by content.
    async put(_tx, sha256, data, mime) {
      if (!(await s3.head(key(sha256)))) await s3.put(key(sha256), data, mime)
    },
    get: (_q, sha256) => s3.get(key(sha256)),
  }
}

/** FILES_URL: `postgres` (default) or `s3://…`. */
export function blobStoreFor(url: string): BlobStore {
  if (url === 'postgres' || url === 'postgresql' || url === '') return postgresBlobs()
  if (url.startsWith('s3://')) return s3Blobs(url)
  throw new Error(`FILES_URL must be 'postgres' or s3://…, got ${url.split(':')[0]}:…`)
}

/**
 * Reads content from the configured store, then from PostgreSQL (an install that moved to S3), then from the
 * local directory earlier versions wrote to (`<dataDir>/files/<storage_key>`).
 */
export async function readBlob(
  store: BlobStore,
  q: Queryable,
  localDir: string,
  f: { sha256: string; storageKey: string },
): Promise<Buffer | null> {
  const primary = await store.get(q, f.sha256)
  if (primary) return primary
  if (store.kind !== 'postgres') {
    const fromPg = await postgresBlobs().get(q, f.sha256)
    if (fromPg) return fromPg
  }
  const local = path.join(localDir, f.storageKey)
  if (!local.startsWith(path.resolve(localDir) + path.sep)) return null
  try {
    return await fs.readFile(local)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

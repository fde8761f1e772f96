import { createHash } from 'node:crypto'
import path from 'node:path'
import { type Actor, recordAudit } from './audit.ts'
import type { Principal } from './auth/service.ts'
import type { Db, Queryable, Tx } from './db.ts'
import { AppError, defineError, validationFailed } from './errors.ts'
import { type BlobStore, readBlob } from './files-store.ts'

export const fileTypeNotAllowed = defineError('FILE_TYPE_NOT_ALLOWED', 'validation', {
  zh: '不支持的文件类型（允许：PDF、JPG、PNG、OFD、Word、Excel）',
  en: 'File type not allowed (allowed: PDF, JPG, PNG, OFD, Word, Excel)',
})
export const fileTooLarge = defineError('FILE_TOO_LARGE', 'validation', {
  zh: '文件过大（上限 {limitMb} MB）',
  en: 'File too large (limit {limitMb} MB)',
})
export const fileEmpty = defineError('FILE_EMPTY', 'validation', { zh: '文件为空', en: 'The file is empty' })
export const fileNotFound = defineError('FILE_NOT_FOUND', 'not_found', { zh: '文件不存在', en: 'File not found' })
export const fileContentMissing = defineError('FILE_CONTENT_MISSING', 'not_found', {
  zh: '文件内容缺失，请联系管理员',
  en: 'The file content is missing; contact the administrator',
})
export const fileContentCorrupt = defineError('FILE_CONTENT_CORRUPT', 'conflict', {
  zh: '文件内容校验失败（与上传时的摘要不符），请联系管理员',
  en: 'The file content does not match the digest taken at upload; contact the administrator',
})

// The extension must match the content: a renamed executable is refused. OOXML and OFD are zip containers.
const TYPES: Record<string, { mime: string; magic: number[] }> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  ofd: { mime: 'application/ofd', magic: [0x50, 0x4b, 0x03, 0x04] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [0x50, 0x4b, 0x03, 0x04] },
}

export function detectType(name: string, head: Buffer): { ext: string; mime: string } {
  const ext = path.extname(name).slice(1).toLowerCase()
  const t = TYPES[ext]
  if (!t || head.length < t.magic.length || t.magic.some((b, i) => head[i] !== b)) throw fileTypeNotAllowed()
  return { ext, mime: t.mime }
}

export interface StoredFile {
  id: string
  name: string
  mime: string
  size: number
  sha256: string
  createdAt: string
}

export interface FileMeta {
  id: string
  ownerId: string | null
  name: string
  mime: string
  size: number
  sha256: string
  storageKey: string
  divisionCode: string | null
}

/** Says whether the caller may read one object of a subject type (the module's own read rule). */
export type SubjectReader = (p: Principal, subjectId: string) => Promise<boolean>
export interface FileSubject {
  subjectType: string
  subjectId: string
}

/**
 * A reader from a module's own read path (the one its GET route uses): may read when it answers, may not when it
 * says not found or forbidden. `capability`: what the route itself requires, if anything.
 */
export const readerFromGet =
  (capability: string | null, get: (p: Principal, id: string) => Promise<unknown>): SubjectReader =>
  async (p, id) => {
    if (capability && !p.capabilities.has(capability)) return false
    try {
      await get(p, id)
      return true
    } catch (err) {
      if (err instanceof AppError && (err.kind === 'not_found' || err.kind === 'forbidden')) return false
      throw err
    }
  }

const sha256Of = (data: Buffer) => createHash('sha256').update(data).digest('hex')
const metaOf = (r: Record<string, unknown>): FileMeta => ({
  id: r.id as string,
  ownerId: r.owner_id as string | null,
  name: r.name as string,
  mime: r.mime as string,
  size: Number(r.size),
  sha256: r.sha256 as string,
  storageKey: r.storage_key as string,
  divisionCode: r.division_code as string | null,
})

/**
 * Uploaded files: content in a blob store shared by every node (PostgreSQL by default, or S3), metadata in
 * core_file, and the objects each file is attached to in core_file_link, which decide who may read it.
 */
export function createFiles(
  db: Db,
  opts: { store: BlobStore; localDir: string; maxBytes: number; log?: { warn(o: object, msg: string): void } },
) {
  const readers = new Map<string, SubjectReader>()

  async function linksOf(q: Queryable, ids: string[]): Promise<Map<string, FileSubject[]>> {
    const out = new Map<string, FileSubject[]>(ids.map((id) => [id, []]))
    if (!ids.length) return out
    const { rows } = await q.query(
      'select file_id, subject_type, subject_id from core_file_link where file_id = any($1::uuid[])',
      [ids],
    )
    for (const r of rows) out.get(r.file_id)?.push({ subjectType: r.subject_type, subjectId: r.subject_id })
    return out
  }

  /** The uploader reads a file not yet attached; otherwise a reader of one of its objects must say yes. */
  async function mayRead(p: Principal, f: FileMeta, links: FileSubject[]): Promise<boolean> {
    if (!links.length) return !!p.userId && f.ownerId === p.userId
    for (const l of links) {
      const read = readers.get(l.subjectType)
      if (read && (await read(p, l.subjectId))) return true
    }
    return false
  }

  async function metas(q: Queryable, ids: string[]): Promise<Map<string, FileMeta>> {
    if (!ids.length) return new Map()
    const { rows } = await q.query('select * from core_file where id = any($1::uuid[])', [ids])
    return new Map(rows.map((r) => [r.id as string, metaOf(r)]))
  }

  return {
    maxBytes: opts.maxBytes,
    storeKind: opts.store.kind,

    /** Registered at composition (app.ts) by the module owning the subject type; platform imports no module. */
    registerReader(subjectType: string, read: SubjectReader) {
      readers.set(subjectType, read)
    },

    async save(
      actor: Actor,
      input: { name: string; data: Buffer; divisionCode?: string | null; requestId?: string },
    ): Promise<StoredFile> {
      if (input.data.length === 0) throw fileEmpty()
      if (input.data.length > opts.maxBytes) throw fileTooLarge({ limitMb: Math.round(opts.maxBytes / 1048576) })
      const { mime } = detectType(input.name, input.data.subarray(0, 8))
      const sha256 = sha256Of(input.data)
      const key = path.join(sha256.slice(0, 2), sha256)
      const name = path.basename(input.name).slice(0, 200)
      return db.tx(async (tx) => {
        await opts.store.put(tx, sha256, input.data, mime)
        const { rows } = await tx.query(
          `insert into core_file (owner_id, name, mime, size, sha256, storage_key, division_code)
           values ($1,$2,$3,$4,$5,$6,$7) returning id, created_at`,
          [
            actor.kind === 'user' ? actor.id : null,
            name,
            mime,
            input.data.length,
            sha256,
            key,
            input.divisionCode ?? null,
          ],
        )
        await recordAudit(tx, {
          actor,
          action: 'file.upload',
          resourceType: 'file',
          resourceId: rows[0].id,
          divisionCode: input.divisionCode,
          requestId: input.requestId,
          data: { name, size: input.data.length, sha256 },
        })
        return {
          id: rows[0].id,
          name,
          mime,
          size: input.data.length,
          sha256,
          createdAt: rows[0].created_at.toISOString(),
        }
      })
    },

    async meta(q: Queryable, id: string): Promise<FileMeta | null> {
      return (await metas(q, [id])).get(id) ?? null
    },

    /** The file if the caller may read it, else null (callers answer 404 so existence does not leak). */
    async readable(p: Principal, id: string): Promise<FileMeta | null> {
      const f = await this.meta(db.pool, id)
      if (!f) return null
      return (await mayRead(p, f, (await linksOf(db.pool, [id])).get(id)!)) ? f : null
    },

    /**
     * The one check before a module attaches files to its object: each file must exist and be readable by the
     * caller (their own unattached upload, or a file of an object they may read). Returns the indices refused.
     */
    async refused(p: Principal, ids: string[]): Promise<number[]> {
      const unique = [...new Set(ids)]
      const [found, links] = await Promise.all([metas(db.pool, unique), linksOf(db.pool, unique)])
      const ok = new Set<string>()
      for (const id of unique) {
        const f = found.get(id)
        if (f && (await mayRead(p, f, links.get(id)!))) ok.add(id)
      }
      return ids.flatMap((id, i) => (ok.has(id) ? [] : [i]))
    },

    /** `refused` as a 400 with one issue per refused file under `field`. */
    async requireAttachable(p: Principal, ids: string[], field: string): Promise<void> {
      const refused = await this.refused(p, ids)
      if (refused.length)
        throw validationFailed(undefined, {
          issues: refused.map((i) => ({ path: [field, i], message: '文件不存在或您无权使用' })),
        })
    },

    /** `requireAttachable`, then `attach`: the one call for a module attaching files inside its transaction. */
    async attachChecked(tx: Tx, p: Principal, ids: string[], subject: FileSubject, field = 'attachments') {
      await this.requireAttachable(p, ids, field)
      await this.attach(tx, ids, subject)
    },

    /** Records that the files are attached to the object, in the transaction that attaches them. */
    async attach(tx: Tx, ids: string[], subject: FileSubject): Promise<void> {
      if (!ids.length) return
      await tx.query(
        `insert into core_file_link (file_id, subject_type, subject_id)
         select unnest($1::uuid[]), $2, $3 on conflict do nothing`,
        [[...new Set(ids)], subject.subjectType, subject.subjectId],
      )
    },

    /** The stored content, checked against the digest taken at upload. */
    async content(f: FileMeta): Promise<Buffer> {
      const data = await readBlob(opts.store, db.pool, opts.localDir, f)
      if (!data) {
        opts.log?.warn({ fileId: f.id, sha256: f.sha256, store: opts.store.kind }, 'file content missing')
        throw fileContentMissing()
      }
      if (sha256Of(data) !== f.sha256) {
        opts.log?.warn({ fileId: f.id, sha256: f.sha256, store: opts.store.kind }, 'file content digest mismatch')
        throw fileContentCorrupt()
      }
      return data
    },
  }
}

export type Files = ReturnType<typeof createFiles>

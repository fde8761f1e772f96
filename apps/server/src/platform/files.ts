import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { type Actor, recordAudit } from './audit.ts'
import type { Db, Queryable } from './db.ts'
import { defineError } from './errors.ts'

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

/** Local content-addressed file store under `<dataDir>/files`; metadata in core_file. */
export function createFiles(db: Db, opts: { dir: string; maxBytes: number }) {
  return {
    maxBytes: opts.maxBytes,
    async save(
      actor: Actor,
      input: { name: string; data: Buffer; divisionCode?: string | null; requestId?: string },
    ): Promise<StoredFile> {
      if (input.data.length === 0) throw fileEmpty()
      if (input.data.length > opts.maxBytes) throw fileTooLarge({ limitMb: Math.round(opts.maxBytes / 1048576) })
      const { mime } = detectType(input.name, input.data.subarray(0, 8))
      const sha256 = createHash('sha256').update(input.data).digest('hex')
      const key = path.join(sha256.slice(0, 2), sha256)
      const full = path.join(opts.dir, key)
      if (!fs.existsSync(full)) {
        fs.mkdirSync(path.dirname(full), { recursive: true })
        fs.writeFileSync(`${full}.tmp`, input.data)
        fs.renameSync(`${full}.tmp`, full)
      }
      const name = path.basename(input.name).slice(0, 200)
      return db.tx(async (tx) => {
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
    /** Owners of many files in one query (materials of a case share uploads). */
    async owners(q: Queryable, ids: string[]): Promise<Map<string, string | null>> {
      if (!ids.length) return new Map()
      const { rows } = await q.query('select id, owner_id from core_file where id = any($1::uuid[])', [
        [...new Set(ids)],
      ])
      return new Map(rows.map((r) => [r.id as string, r.owner_id as string | null]))
    },
    async meta(q: Queryable, id: string) {
      const r = (await q.query('select * from core_file where id = $1', [id])).rows[0]
      return r
        ? {
            id: r.id as string,
            ownerId: r.owner_id as string | null,
            name: r.name as string,
            mime: r.mime as string,
            size: Number(r.size),
            divisionCode: r.division_code as string | null,
            path: path.join(opts.dir, r.storage_key),
          }
        : null
    },
  }
}

export type Files = ReturnType<typeof createFiles>

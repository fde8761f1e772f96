import type { Draft, SaveDraft } from '@ruyu/contracts/approval'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import { missingCapability } from '../../platform/auth/errors.ts'
import type { Principal } from '../../platform/auth/service.ts'
import type { Tx } from '../../platform/db.ts'
import { validationFailed } from '../../platform/errors.ts'
import type { Platform } from '../../platform/platform.ts'
import { draftChanged, draftNotFound } from './errors.ts'

// Application drafts (草稿, issue 10 §1: the 14-field, 62-material application could not be saved). A draft belongs
// to the account that saved it and is never shown to anyone else; it is stored as filled in, checked only for shape
// and size (the contract schema) and for files the account did not upload. Submitting a case with `draftId`
// deletes the draft in the case's transaction.

type Deps = Pick<Platform, 'db' | 'files'>

/** Online drafts need approval:apply, window drafts approval:intake. */
function mayDraft(p: Principal, channel: 'online' | 'window') {
  const cap = channel === 'online' ? 'approval:apply' : 'approval:intake'
  if (!p.userId || !p.capabilities.has(cap)) throw missingCapability({ capability: cap })
  return p.userId
}

const toDraft = (r: Record<string, unknown>): Draft => ({
  id: r.id as string,
  themeCode: r.theme_code as string,
  channel: r.channel as Draft['channel'],
  title: (r.title as string | null) ?? null,
  version: r.version as number,
  updatedAt: (r.updated_at as Date).toISOString(),
  data: r.data as Draft['data'],
})

export function createDrafts(platform: Deps) {
  const { db } = platform

  async function checkFiles(p: Principal, input: SaveDraft) {
    const supplied = input.data.materials.flatMap((m, i) => (m.fileId ? [{ i, id: m.fileId }] : []))
    const refused = await platform.files.refused(
      p,
      supplied.map((s) => s.id),
    )
    if (refused.length)
      throw validationFailed(undefined, {
        issues: refused.map((j) => ({
          path: ['data', 'materials', supplied[j]!.i, 'fileId'],
          message: '文件不存在或不是您上传的',
        })),
      })
  }

  const titleOf = (input: SaveDraft) => {
    const name = input.data.form.projectName
    return typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : null
  }

  return {
    /** The caller's drafts, newest first (without their data). */
    async list(p: Principal) {
      if (!p.userId) return { items: [] }
      const { rows } = await db.pool.query(
        `select id, theme_code, channel, title, version, updated_at from approval_draft
         where owner_user_id = $1 order by updated_at desc limit 50`,
        [p.userId],
      )
      return {
        items: rows.map((r) => {
          const { data: _d, ...d } = toDraft(r)
          return d
        }),
      }
    },

    /** One of the caller's drafts; 404 for anyone else's. */
    async get(p: Principal, id: string): Promise<Draft> {
      const { rows } = await db.pool.query('select * from approval_draft where id = $1 and owner_user_id = $2', [
        id,
        p.userId,
      ])
      if (!rows[0]) throw draftNotFound()
      return toDraft(rows[0])
    },

    /** Saves a new draft. */
    async create(p: Principal, actor: Actor, input: SaveDraft, requestId?: string): Promise<Draft> {
      const owner = mayDraft(p, input.channel)
      await checkFiles(p, input)
      return db.tx(async (tx) => {
        const { rows } = await tx.query(
          `insert into approval_draft (owner_user_id, channel, theme_code, title, data) values ($1,$2,$3,$4,$5)
           returning *`,
          [owner, input.channel, input.themeCode, titleOf(input), JSON.stringify(input.data)],
        )
        await recordAudit(tx, {
          actor,
          action: 'approval.draft.save',
          resourceType: 'approval_draft',
          resourceId: rows[0].id,
          requestId,
          data: { themeCode: input.themeCode, channel: input.channel },
        })
        return toDraft(rows[0])
      })
    },

    /** Overwrites one of the caller's drafts (409 when it was saved elsewhere since `expectedVersion`). */
    async update(p: Principal, actor: Actor, id: string, input: SaveDraft, requestId?: string): Promise<Draft> {
      const owner = mayDraft(p, input.channel)
      await checkFiles(p, input)
      return db.tx(async (tx) => {
        const { rows } = await tx.query(
          `update approval_draft set data = $3, title = $4, theme_code = $5, channel = $6, version = version + 1,
             updated_at = now()
           where id = $1 and owner_user_id = $2 and ($7::int is null or version = $7) returning *`,
          [
            id,
            owner,
            JSON.stringify(input.data),
            titleOf(input),
            input.themeCode,
            input.channel,
            input.expectedVersion ?? null,
          ],
        )
        if (!rows[0]) {
          const exists = await tx.query('select 1 from approval_draft where id = $1 and owner_user_id = $2', [
            id,
            owner,
          ])
          throw exists.rowCount ? draftChanged() : draftNotFound()
        }
        await recordAudit(tx, {
          actor,
          action: 'approval.draft.save',
          resourceType: 'approval_draft',
          resourceId: id,
          requestId,
          data: { themeCode: input.themeCode, channel: input.channel },
        })
        return toDraft(rows[0])
      })
    },

    /** Deletes one of the caller's drafts. */
    async remove(p: Principal, actor: Actor, id: string, requestId?: string) {
      await db.tx(async (tx) => {
        const r = await tx.query('delete from approval_draft where id = $1 and owner_user_id = $2', [id, p.userId])
        if (!r.rowCount) throw draftNotFound()
        await recordAudit(tx, {
          actor,
          action: 'approval.draft.delete',
          resourceType: 'approval_draft',
          resourceId: id,
          requestId,
        })
      })
    },

    /** Inside a submission: the draft it came from is consumed (only the submitter's own; unknown ids → 404). */
    async consume(tx: Tx, userId: string | null, id: string) {
      const r = await tx.query('delete from approval_draft where id = $1 and owner_user_id = $2', [id, userId])
      if (!r.rowCount) throw draftNotFound()
    },
  }
}

export type Drafts = ReturnType<typeof createDrafts>

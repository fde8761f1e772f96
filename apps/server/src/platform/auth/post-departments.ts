import type { Tx } from '../db.ts'
import { validationFailed } from '../errors.ts'

/**
 * Every post's department must exist. Checked inside the creating transaction with a key-share lock, so a
 * department deleted meanwhile cannot turn into a foreign-key 500 (and deleting it waits for this commit).
 */
export async function checkPostDepartments(tx: Tx, posts: { departmentId?: string | null }[]): Promise<void> {
  const ids = [...new Set(posts.flatMap((p) => (p.departmentId ? [p.departmentId] : [])))]
  if (!ids.length) return
  const { rows } = await tx.query<{ id: string }>(
    'select id from core_org_unit where id = any($1::uuid[]) for key share',
    [ids],
  )
  const found = new Set(rows.map((r) => r.id))
  const issues = posts.flatMap((p, i) =>
    p.departmentId && !found.has(p.departmentId)
      ? [{ path: ['posts', i, 'departmentId'], message: '部门不存在 (no such department)' }]
      : [],
  )
  if (issues.length) throw validationFailed(undefined, { issues })
}

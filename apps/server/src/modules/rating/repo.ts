import type { Queryable, Tx } from '../../platform/db.ts'

export interface RatingRow {
  id: string
  subjectType: string
  subjectId: string
  subjectTitle: string
  serviceItemCode: string | null
  departmentId: string | null
  divisionCode: string
  raterId: string
  channel: string
  level: number
  reasons: string[]
  comment: string | null
  realName: boolean
  indicatorVersion: string
  rectificationInstanceId: string | null
  rectificationState: string | null
  createdAt: string
}

/**
 * Which ratings a caller sees: staff by rules (a division prefix, and the one department whose ratings it sees, or
 * null for every department there); an enterprise account the ratings its own enterprise's users gave; a rater
 * their own.
 */
export type RatingView =
  | { kind: 'staff'; rules: { prefix: string; departmentId: string | null }[] }
  | { kind: 'enterprise'; uscc: string }
  | { kind: 'rater'; userId: string }

/** The view as a SQL condition on `r` (rating_rating) with its one parameter at $n. */
function visible(view: RatingView, n: number): { sql: string; param: string } {
  if (view.kind === 'rater') return { sql: `r.rater_id = $${n}::uuid`, param: view.userId }
  if (view.kind === 'enterprise')
    return {
      sql: `r.rater_id in (select u.id from core_user u where u.kind = 'enterprise' and u.enterprise_uscc = $${n})`,
      param: view.uscc,
    }
  return {
    sql: `exists (select 1 from jsonb_to_recordset($${n}::jsonb) v(prefix text, dept uuid)
                  where r.division_code like v.prefix || '%' and (v.dept is null or r.department_id = v.dept))`,
    param: JSON.stringify(view.rules.map((x) => ({ prefix: x.prefix, dept: x.departmentId }))),
  }
}

export interface RatingFilter {
  onlyBad: boolean
  level?: number
  departmentId?: string
  rectification?: string
}

const toRating = (r: Record<string, any>): RatingRow => ({
  id: r.id,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  subjectTitle: r.subject_title,
  serviceItemCode: r.service_item_code,
  departmentId: r.department_id,
  divisionCode: r.division_code,
  raterId: r.rater_id,
  channel: r.channel,
  level: r.level,
  reasons: r.reasons,
  comment: r.comment,
  realName: r.real_name,
  indicatorVersion: r.indicator_version,
  rectificationInstanceId: r.rectification_instance_id,
  rectificationState: r.rectification_state,
  createdAt: r.created_at.toISOString(),
})

export const ratingRepo = {
  async insert(
    tx: Tx,
    r: Omit<RatingRow, 'id' | 'createdAt' | 'rectificationInstanceId' | 'rectificationState'>,
  ): Promise<RatingRow | null> {
    const { rows } = await tx.query(
      `insert into rating_rating (subject_type, subject_id, subject_title, service_item_code, department_id, division_code,
         rater_id, channel, level, reasons, comment, real_name, indicator_version)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
       on conflict (subject_type, subject_id, rater_id) do nothing returning *`,
      [
        r.subjectType,
        r.subjectId,
        r.subjectTitle,
        r.serviceItemCode,
        r.departmentId,
        r.divisionCode,
        r.raterId,
        r.channel,
        r.level,
        r.reasons,
        r.comment,
        r.realName,
        r.indicatorVersion,
      ],
    )
    return rows[0] ? toRating(rows[0]) : null
  },
  async setRectification(tx: Tx, id: string, instanceId: string, state: string) {
    await tx.query('update rating_rating set rectification_instance_id = $2, rectification_state = $3 where id = $1', [
      id,
      instanceId,
      state,
    ])
  },
  /** Mirrors the rectification's engine state (called from the workflow signal in the acting transaction). */
  async setRectificationState(tx: Tx, id: string, state: string) {
    await tx.query('update rating_rating set rectification_state = $2 where id = $1', [id, state])
  },
  async forSubject(q: Queryable, subjectType: string, subjectId: string): Promise<RatingRow[]> {
    const { rows } = await q.query(
      'select * from rating_rating where subject_type = $1 and subject_id = $2 order by created_at',
      [subjectType, subjectId],
    )
    return rows.map(toRating)
  },
  async list(q: Queryable, view: RatingView, f: RatingFilter & { limit: number; offset: number }) {
    const v = visible(view, 1)
    const { rows } = await q.query(
      `select r.*, o.name as department_name, count(*) over() as total from rating_rating r
       left join core_org_unit o on o.id = r.department_id
       where ${v.sql} and (not $2 or r.level <= 2) and ($3::int is null or r.level = $3)
         and ($4::uuid is null or r.department_id = $4) and ($5::text is null or r.rectification_state = $5)
       order by r.created_at desc, r.id limit $6 offset $7`,
      [v.param, f.onlyBad, f.level ?? null, f.departmentId ?? null, f.rectification ?? null, f.limit, f.offset],
    )
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.map((r) => ({ ...toRating(r), departmentName: (r.department_name ?? null) as string | null })),
    }
  },
  /** Counts per department, level and rectification state inside the caller's view. */
  async counts(q: Queryable, view: RatingView) {
    const v = visible(view, 1)
    const { rows } = await q.query(
      `select r.department_id, o.name as department_name, r.level, r.rectification_state, count(*)::int as n,
         count(*) filter (where r.rectification_instance_id is not null)::int as rectifications
       from rating_rating r left join core_org_unit o on o.id = r.department_id
       where ${v.sql} group by r.department_id, o.name, r.level, r.rectification_state`,
      [v.param],
    )
    return rows as {
      department_id: string | null
      department_name: string | null
      level: number
      rectification_state: string | null
      n: number
      rectifications: number
    }[]
  },
  /** Ids of the departments with these codes (the supervising bureau setting names departments by code). */
  async departmentIdsByCode(q: Queryable, codes: string[]): Promise<string[]> {
    if (!codes.length) return []
    const { rows } = await q.query('select id from core_org_unit where code = any($1)', [codes])
    return rows.map((r) => r.id as string)
  },
}

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
  createdAt: string
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
  createdAt: r.created_at.toISOString(),
})

export const ratingRepo = {
  async insert(tx: Tx, r: Omit<RatingRow, 'id' | 'createdAt' | 'rectificationInstanceId'>): Promise<RatingRow | null> {
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
  async setRectification(tx: Tx, id: string, instanceId: string) {
    await tx.query('update rating_rating set rectification_instance_id = $2 where id = $1', [id, instanceId])
  },
  async forSubject(q: Queryable, subjectType: string, subjectId: string): Promise<RatingRow[]> {
    const { rows } = await q.query(
      'select * from rating_rating where subject_type = $1 and subject_id = $2 order by created_at',
      [subjectType, subjectId],
    )
    return rows.map(toRating)
  },
  async list(q: Queryable, f: { scopes: string[]; onlyBad: boolean; limit: number; offset: number }) {
    const { rows } = await q.query(
      `select r.*, o.name as department_name, count(*) over() as total from rating_rating r
       left join core_org_unit o on o.id = r.department_id
       where r.division_code like any($1) and (not $2 or r.level <= 2)
       order by r.created_at desc limit $3 offset $4`,
      [f.scopes.map((s) => `${s}%`), f.onlyBad, f.limit, f.offset],
    )
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.map((r) => ({ ...toRating(r), departmentName: (r.department_name ?? null) as string | null })),
    }
  },
  /** Counts per department and level inside the scope. */
  async countsByDepartment(q: Queryable, scopes: string[]) {
    const { rows } = await q.query(
      `select r.department_id, o.name as department_name, r.level, count(*)::int as n,
         count(*) filter (where r.rectification_instance_id is not null)::int as rectifications
       from rating_rating r left join core_org_unit o on o.id = r.department_id
       where r.division_code like any($1) group by r.department_id, o.name, r.level`,
      [scopes.map((s) => `${s}%`)],
    )
    return rows as {
      department_id: string | null
      department_name: string | null
      level: number
      n: number
      rectifications: number
    }[]
  },
}

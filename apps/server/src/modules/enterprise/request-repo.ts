/** SQL of service requests: enterprise_service_request, joined with its service, provider and company. */
import type { ServiceRequestStatus } from '@ruyu/contracts/enterprise'
import type { Queryable, Tx } from '../../platform/db.ts'

/** Who sees which requests: the enterprise itself, the provider handling it, or staff inside their scope. */
export type RequestVisibility =
  | { kind: 'enterprise'; uscc: string }
  | { kind: 'provider'; providerIds: string[] }
  | { kind: 'staff'; scopes: string[] }

export interface RequestRow {
  id: string
  number: string
  serviceId: string
  serviceName: string
  module: string
  providerId: string
  providerName: string
  providerUnitId: string | null
  uscc: string
  enterpriseName: string
  divisionCode: string
  applicantUserId: string | null
  contactName: string
  contactMobile: string
  description: string
  attachments: string[]
  status: ServiceRequestStatus
  result: string | null
  workflowInstanceId: string | null
  ratingLevel: number | null
  ratedAt: Date | null
  submittedAt: Date
  acceptedAt: Date | null
  closedAt: Date | null
}

const toRequest = (r: Record<string, any>): RequestRow => ({
  id: r.id,
  number: r.number,
  serviceId: r.service_id,
  serviceName: r.service_name,
  module: r.module,
  providerId: r.provider_id,
  providerName: r.provider_name,
  providerUnitId: r.provider_unit_id,
  uscc: r.uscc,
  enterpriseName: r.enterprise_name,
  divisionCode: r.division_code,
  applicantUserId: r.applicant_user_id,
  contactName: r.contact_name,
  contactMobile: r.contact_mobile,
  description: r.description,
  attachments: r.attachments,
  status: r.status,
  result: r.result,
  workflowInstanceId: r.workflow_instance_id,
  ratingLevel: r.rating_level,
  ratedAt: r.rated_at,
  submittedAt: r.submitted_at,
  acceptedAt: r.accepted_at,
  closedAt: r.closed_at,
})

const REQUEST_SELECT = `select r.*, s.name as service_name, p.name as provider_name, p.org_unit_id as provider_unit_id,
    c.name as enterprise_name
  from enterprise_service_request r
  join enterprise_service s on s.id = r.service_id
  join enterprise_provider p on p.id = r.provider_id
  join enterprise_company c on c.uscc = r.uscc`

function requestWhere(v: RequestVisibility, first: number): { sql: string; params: unknown[] } {
  if (v.kind === 'enterprise') return { sql: `r.uscc = $${first}`, params: [v.uscc] }
  if (v.kind === 'provider') return { sql: `r.provider_id = any($${first}::uuid[])`, params: [v.providerIds] }
  return { sql: `r.division_code like any($${first})`, params: [v.scopes.map((s) => `${s}%`)] }
}

export const requestRepo = {
  async insertRequest(
    tx: Tx,
    r: {
      number: string
      serviceId: string
      module: string
      providerId: string
      uscc: string
      divisionCode: string
      applicantUserId: string | null
      contactName: string
      contactMobile: string
      description: string
      attachments: string[]
      submittedAt: Date
    },
  ): Promise<string> {
    const { rows } = await tx.query(
      `insert into enterprise_service_request (number, service_id, module, provider_id, uscc, division_code,
         applicant_user_id, contact_name, contact_mobile, description, attachments, submitted_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12) returning id`,
      [
        r.number,
        r.serviceId,
        r.module,
        r.providerId,
        r.uscc,
        r.divisionCode,
        r.applicantUserId,
        r.contactName,
        r.contactMobile,
        r.description,
        r.attachments,
        r.submittedAt,
      ],
    )
    return rows[0].id
  },
  async setRequestInstance(tx: Tx, id: string, instanceId: string) {
    await tx.query('update enterprise_service_request set workflow_instance_id = $2 where id = $1', [id, instanceId])
  },
  async findRequest(q: Queryable, id: string, v?: RequestVisibility): Promise<RequestRow | null> {
    const w = v ? requestWhere(v, 2) : { sql: 'true', params: [] }
    const { rows } = await q.query(`${REQUEST_SELECT} where r.id = $1 and ${w.sql}`, [id, ...w.params])
    return rows[0] ? toRequest(rows[0]) : null
  },
  async lockRequest(tx: Tx, id: string) {
    await tx.query('select 1 from enterprise_service_request where id = $1 for update', [id])
  },
  async requestByInstance(q: Queryable, instanceId: string): Promise<{ id: string; status: string } | null> {
    const { rows } = await q.query(
      'select id, status from enterprise_service_request where workflow_instance_id = $1',
      [instanceId],
    )
    return rows[0] ?? null
  },
  /** Mirrors the workflow state on the request row, stamping acceptance and closing times once. */
  async setRequestStatus(tx: Tx, id: string, status: ServiceRequestStatus, at: Date) {
    await tx.query(
      `update enterprise_service_request set status = $2, updated_at = now(),
         accepted_at = case when $2 = 'handling' and accepted_at is null then $3 else accepted_at end,
         closed_at = case when $2 in ('completed', 'declined', 'withdrawn') and closed_at is null then $3
                          else closed_at end
       where id = $1`,
      [id, status, at],
    )
  },
  async setRequestResult(tx: Tx, id: string, result: string) {
    await tx.query('update enterprise_service_request set result = $2 where id = $1', [id, result])
  },
  async setRequestRating(tx: Tx, id: string, level: number) {
    await tx.query('update enterprise_service_request set rating_level = $2, rated_at = now() where id = $1', [
      id,
      level,
    ])
  },
  async listRequests(
    q: Queryable,
    v: RequestVisibility,
    f: { status?: string; module?: string; providerId?: string; uscc?: string },
    page: { limit: number; offset: number },
  ) {
    const w = requestWhere(v, 1)
    const n = w.params.length
    const { rows } = await q.query(
      `${REQUEST_SELECT.replace('select r.*', 'select r.*, count(*) over() as total')}
       where ${w.sql} and ($${n + 1}::text is null or r.status = $${n + 1})
         and ($${n + 2}::text is null or r.module = $${n + 2})
         and ($${n + 3}::uuid is null or r.provider_id = $${n + 3})
         and ($${n + 4}::text is null or r.uscc = $${n + 4})
       order by r.submitted_at desc, r.id limit $${n + 5} offset $${n + 6}`,
      [...w.params, f.status ?? null, f.module ?? null, f.providerId ?? null, f.uscc ?? null, page.limit, page.offset],
    )
    return { total: Number(rows[0]?.total ?? 0), items: rows.map(toRequest) }
  },
  async requestCountsByModule(q: Queryable, uscc: string) {
    const { rows } = await q.query(
      'select module, count(*)::int as n from enterprise_service_request where uscc = $1 group by module',
      [uscc],
    )
    return rows.map((r) => ({ module: r.module as string, total: r.n as number }))
  },
  /** Request counts by status and ratings, grouped by module or provider, inside the caller's division scope. */
  async requestStats(q: Queryable, by: 'module' | 'provider_id', scopes: string[]) {
    const { rows } = await q.query(
      `select ${by} as key, status, count(*)::int as n, count(rating_level)::int as rated,
         count(*) filter (where rating_level >= 4)::int as good
       from enterprise_service_request where division_code like any($1) group by ${by}, status`,
      [scopes.map((s) => `${s}%`)],
    )
    return rows as { key: string; status: ServiceRequestStatus; n: number; rated: number; good: number }[]
  },
}

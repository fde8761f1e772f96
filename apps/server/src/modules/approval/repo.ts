import type { Queryable, Tx } from '../../platform/db.ts'

export interface CaseRow {
  id: string
  number: string
  themeCode: string
  themeVersion: number
  variantKey: string | null
  variantName: string
  title: string
  projectCode: string | null
  divisionCode: string
  parkCode: string | null
  channel: 'online' | 'window'
  applicantUserId: string | null
  enterpriseUscc: string
  enterpriseName: string
  contactName: string | null
  contactMobile: string | null
  clerkId: string | null
  locationId: string | null
  form: Record<string, unknown>
  formLabels: Record<string, string>
  plan: Record<string, unknown>
  status: 'in_review' | 'awaiting_issuance' | 'issued' | 'completed' | 'refused' | 'withdrawn'
  workflowInstanceId: string | null
  committedDays: number
  submittedAt: Date
  issuedAt: Date | null
  closedAt: Date | null
}

const toCase = (r: Record<string, any>): CaseRow => ({
  id: r.id,
  number: r.number,
  themeCode: r.theme_code,
  themeVersion: r.theme_version,
  variantKey: r.variant_key,
  variantName: r.variant_name,
  title: r.title,
  projectCode: r.project_code,
  divisionCode: r.division_code,
  parkCode: r.park_code,
  channel: r.channel,
  applicantUserId: r.applicant_user_id,
  enterpriseUscc: r.enterprise_uscc,
  enterpriseName: r.enterprise_name,
  contactName: r.contact_name,
  contactMobile: r.contact_mobile,
  clerkId: r.clerk_id,
  locationId: r.location_id,
  form: r.form,
  formLabels: r.form_labels ?? {},
  plan: r.plan,
  status: r.status,
  workflowInstanceId: r.workflow_instance_id,
  committedDays: r.committed_days,
  submittedAt: r.submitted_at,
  issuedAt: r.issued_at,
  closedAt: r.closed_at,
})

/** Who sees which cases: the applicant's enterprise, or staff inside their division scope. */
export interface Visibility {
  userId: string | null
  enterpriseUscc: string | null
  scopes: string[] | null
}

function visibleWhere(v: Visibility, first: number): { sql: string; params: unknown[] } {
  if (v.scopes) return { sql: `c.division_code like any($${first})`, params: [v.scopes.map((s) => `${s}%`)] }
  return {
    sql: `(c.applicant_user_id = $${first} or c.enterprise_uscc = $${first + 1})`,
    params: [v.userId, v.enterpriseUscc ?? '-'],
  }
}

export interface NewMaterial {
  code: string
  name: string
  itemCodes: string[]
  required: boolean
  fileId: string | null
  pending: boolean
  dueDate: string | null
}

export interface NewItem {
  code: string
  version: number
  name: string
  departmentId: string
  stageNo: number
  committedDays: number
  legalDays: number
  certificateKind: string | null
  certificateName: string | null
  zoneKind: string | null
  zoneReportNo: string | null
  status: string
}

export interface NewZoneReuse {
  kindCode: string
  kindName: string
  reportNo: string
  itemCodes: string[]
  landAreaMu: number
  costPerMuYuan: number
  savingYuan: number
}

export const approvalRepo = {
  /** The case with its materials, items and zone reuse, in one statement (one round trip per submission). */
  async insertCase(
    tx: Tx,
    c: Omit<CaseRow, 'id' | 'submittedAt' | 'issuedAt' | 'closedAt' | 'workflowInstanceId'>,
    parts: { materials: NewMaterial[]; items: NewItem[]; zone: NewZoneReuse[] },
  ): Promise<CaseRow> {
    const { rows } = await tx.query({
      name: 'ap_insert_case_with_parts',
      text: `with approval_new_case as (
         insert into approval_case (number, theme_code, theme_version, variant_key, variant_name, title, project_code,
           division_code, park_code, channel, applicant_user_id, enterprise_uscc, enterprise_name, contact_name,
           contact_mobile, clerk_id, location_id, form, plan, status, committed_days, form_labels)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22) returning *
       ), approval_new_materials as (
         insert into approval_case_material (case_id, code, name, item_codes, required, file_id, pending, due_date)
         select c.id, m->>'code', m->>'name', array(select jsonb_array_elements_text(m->'itemCodes')),
           (m->>'required')::boolean, (m->>'fileId')::uuid, (m->>'pending')::boolean, (m->>'dueDate')::date
         from approval_new_case c, jsonb_array_elements($23::jsonb) m
       ), approval_new_items as (
         insert into approval_case_item (case_id, item_code, item_version, item_name, department_id, stage_no,
           committed_days, legal_days, certificate_kind, certificate_name, zone_kind, zone_report_no, status)
         select c.id, i->>'code', (i->>'version')::int, i->>'name', (i->>'departmentId')::uuid, (i->>'stageNo')::int,
           (i->>'committedDays')::int, (i->>'legalDays')::int, i->>'certificateKind', i->>'certificateName',
           i->>'zoneKind', i->>'zoneReportNo', i->>'status'
         from approval_new_case c, jsonb_array_elements($24::jsonb) i
       ), approval_new_zone as (
         insert into approval_zone_reuse (case_id, kind_code, kind_name, report_no, item_codes, land_area_mu,
           cost_per_mu_yuan, saving_yuan)
         select c.id, z->>'kindCode', z->>'kindName', z->>'reportNo', array(select jsonb_array_elements_text(z->'itemCodes')),
           (z->>'landAreaMu')::numeric, (z->>'costPerMuYuan')::numeric, (z->>'savingYuan')::numeric
         from approval_new_case c, jsonb_array_elements($25::jsonb) z
       )
       select * from approval_new_case`,
      values: [
        c.number,
        c.themeCode,
        c.themeVersion,
        c.variantKey,
        c.variantName,
        c.title,
        c.projectCode,
        c.divisionCode,
        c.parkCode,
        c.channel,
        c.applicantUserId,
        c.enterpriseUscc,
        c.enterpriseName,
        c.contactName,
        c.contactMobile,
        c.clerkId,
        c.locationId,
        JSON.stringify(c.form),
        JSON.stringify(c.plan),
        c.status,
        c.committedDays,
        JSON.stringify(c.formLabels),
        JSON.stringify(parts.materials),
        JSON.stringify(parts.items),
        JSON.stringify(parts.zone),
      ],
    })
    return toCase(rows[0])
  },
  async setNumberAndWorkflow(tx: Tx, caseId: string, number: string, instanceId: string) {
    await tx.query({
      name: 'ap_set_number',
      text: 'update approval_case set number = $2, workflow_instance_id = $3 where id = $1',
      values: [caseId, number, instanceId],
    })
  },
  async setStatus(tx: Tx, caseId: string, status: CaseRow['status'], stamp?: 'issued_at' | 'closed_at') {
    await tx.query(
      `update approval_case set status = $2, version = version + 1${stamp ? `, ${stamp} = now()` : ''} where id = $1`,
      [caseId, status],
    )
  },
  async setItemsStatus(tx: Tx, caseId: string, codes: string[], status: string) {
    await tx.query(
      `update approval_case_item set status = $3 where case_id = $1 and item_code = any($2) and status = 'in_review'`,
      [caseId, codes, status],
    )
  },
  async setItemCertificate(tx: Tx, caseId: string, code: string, certificateId: string) {
    await tx.query('update approval_case_item set certificate_id = $3 where case_id = $1 and item_code = $2', [
      caseId,
      code,
      certificateId,
    ])
  },
  async findCase(q: Queryable, id: string, v?: Visibility): Promise<CaseRow | null> {
    const w = v ? visibleWhere(v, 2) : { sql: 'true', params: [] }
    const { rows } = await q.query(`select * from approval_case c where c.id = $1 and ${w.sql}`, [id, ...w.params])
    return rows[0] ? toCase(rows[0]) : null
  },
  async list(q: Queryable, v: Visibility, f: { status?: string; q?: string; limit: number; offset: number }) {
    const w = visibleWhere(v, 1)
    const n = w.params.length
    const { rows } = await q.query(
      `select c.*, count(*) over() as total from approval_case c
       where ${w.sql} and ($${n + 1}::text is null or c.status = $${n + 1})
         and ($${n + 2}::text is null or c.title like '%' || $${n + 2} || '%' or c.number like '%' || $${n + 2} || '%'
              or c.enterprise_name like '%' || $${n + 2} || '%')
       order by c.submitted_at desc limit $${n + 3} offset $${n + 4}`,
      [...w.params, f.status ?? null, f.q ?? null, f.limit, f.offset],
    )
    return { total: Number(rows[0]?.total ?? 0), items: rows.map(toCase) }
  },
  async items(q: Queryable, caseId: string) {
    const { rows } = await q.query(
      `select i.*, o.name as department_name from approval_case_item i join core_org_unit o on o.id = i.department_id
       where i.case_id = $1 order by i.stage_no, i.item_code`,
      [caseId],
    )
    return rows.map((r) => ({
      itemCode: r.item_code as string,
      itemName: r.item_name as string,
      departmentId: r.department_id as string,
      departmentName: r.department_name as string,
      stageNo: r.stage_no as number,
      committedDays: r.committed_days as number,
      legalDays: r.legal_days as number,
      status: r.status as string,
      certificateKind: r.certificate_kind as string | null,
      certificateName: r.certificate_name as string | null,
      certificateId: r.certificate_id as string | null,
      zoneReportNo: r.zone_report_no as string | null,
    }))
  },
  async materials(q: Queryable, caseId: string) {
    const { rows } = await q.query('select * from approval_case_material where case_id = $1 order by code', [caseId])
    return rows.map((r) => ({
      code: r.code as string,
      name: r.name as string,
      itemCodes: r.item_codes as string[],
      required: r.required as boolean,
      fileId: r.file_id as string | null,
      pending: r.pending as boolean,
      dueDate: r.due_date as string | null,
      suppliedAt: r.supplied_at ? (r.supplied_at as Date).toISOString() : null,
    }))
  },
  async supplyMaterial(tx: Tx, caseId: string, code: string, fileId: string): Promise<boolean> {
    const r = await tx.query(
      `update approval_case_material set file_id = $3, pending = false, supplied_at = now()
       where case_id = $1 and code = $2 and pending`,
      [caseId, code, fileId],
    )
    return (r.rowCount ?? 0) > 0
  },
  async zoneReuse(q: Queryable, caseId: string) {
    const { rows } = await q.query('select * from approval_zone_reuse where case_id = $1 order by kind_code', [caseId])
    return rows.map((r) => ({
      kindCode: r.kind_code as string,
      kindName: r.kind_name as string,
      reportNo: r.report_no as string,
      itemCodes: r.item_codes as string[],
      savingYuan: Number(r.saving_yuan),
    }))
  },
  async zoneSavings(q: Queryable, scopes: string[]) {
    const { rows } = await q.query(
      `select z.kind_code, z.kind_name, count(distinct z.case_id)::int as cases, sum(z.saving_yuan)::float8 as saving
       from approval_zone_reuse z join approval_case c on c.id = z.case_id
       where c.division_code like any($1) group by z.kind_code, z.kind_name order by z.kind_code`,
      [scopes.map((s) => `${s}%`)],
    )
    const cases = await q.query(
      `select count(distinct z.case_id)::int n from approval_zone_reuse z join approval_case c on c.id = z.case_id
       where c.division_code like any($1)`,
      [scopes.map((s) => `${s}%`)],
    )
    return {
      cases: cases.rows[0]!.n as number,
      byKind: rows.map((r) => ({
        kindCode: r.kind_code as string,
        kindName: r.kind_name as string,
        cases: r.cases as number,
        savingYuan: Number(r.saving),
      })),
    }
  },
  async caseIdsInScope(q: Queryable, scopes: string[]) {
    const { rows } = await q.query('select id, theme_code from approval_case where division_code like any($1)', [
      scopes.map((s) => `${s}%`),
    ])
    return rows.map((r) => ({ id: r.id as string, themeCode: r.theme_code as string }))
  },
  async enterpriseUserByUscc(q: Queryable, uscc: string): Promise<string | null> {
    const { rows } = await q.query(
      `select id from core_user where kind = 'enterprise' and enterprise_uscc = $1 order by created_at limit 1`,
      [uscc],
    )
    return rows[0]?.id ?? null
  },
}

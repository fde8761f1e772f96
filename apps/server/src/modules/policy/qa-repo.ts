/** SQL of policy interpretations, FAQs and questions (政策问答): policy_* tables, read-only core_org_unit names. */
import type { InterpretationKind, QuestionStatus } from '@ruyu/contracts/policy'
import type { Queryable, Tx } from '../../platform/db.ts'

export interface QuestionRow {
  id: string
  policyId: string
  policyTitle: string
  uscc: string
  enterpriseName: string
  askerId: string
  departmentId: string
  departmentName: string
  question: string
  status: QuestionStatus
  answer: string | null
  answeredByName: string | null
  answeredAt: Date | null
  dueAt: Date | null
  slaFlag: 'warning' | 'overdue' | null
  workflowInstanceId: string | null
  ratingLevel: number | null
  faqId: string | null
  createdAt: Date
}

const QUESTION_COLS = `q.id, q.policy_id, p.title as policy_title, q.uscc, q.enterprise_name, q.asker_id, q.department_id,
  o.name as department_name, q.question, q.status, q.answer, q.answered_by_name, q.answered_at, q.due_at, q.sla_flag,
  q.workflow_instance_id, q.rating_level, f.id as faq_id, q.created_at`
const QUESTION_FROM = `policy_question q join policy_policy p on p.id = q.policy_id
  join core_org_unit o on o.id = q.department_id left join policy_faq f on f.question_id = q.id`

const toQuestion = (r: Record<string, any>): QuestionRow => ({
  id: r.id,
  policyId: r.policy_id,
  policyTitle: r.policy_title,
  uscc: r.uscc,
  enterpriseName: r.enterprise_name,
  askerId: r.asker_id,
  departmentId: r.department_id,
  departmentName: r.department_name,
  question: r.question,
  status: r.status,
  answer: r.answer,
  answeredByName: r.answered_by_name,
  answeredAt: r.answered_at,
  dueAt: r.due_at,
  slaFlag: r.sla_flag,
  workflowInstanceId: r.workflow_instance_id,
  ratingLevel: r.rating_level,
  faqId: r.faq_id,
  createdAt: r.created_at,
})

export const policyQaRepo = {
  async interpretations(q: Queryable, policyId: string) {
    const { rows } = await q.query(
      `select id, policy_id, kind, title, body, media, speaker, created_at from policy_interpretation
       where policy_id = $1 order by created_at, id`,
      [policyId],
    )
    return rows.map((r) => ({
      id: r.id as string,
      policyId: r.policy_id as string,
      kind: r.kind as InterpretationKind,
      title: r.title as string,
      body: r.body as string,
      media: (r.media ?? []) as string[],
      speaker: r.speaker as string | null,
      createdAt: (r.created_at as Date).toISOString(),
    }))
  },

  async insertInterpretation(
    tx: Tx,
    policyId: string,
    i: { kind: InterpretationKind; title: string; body: string; media: string[]; speaker: string | null },
    by: string | null,
  ): Promise<string> {
    const { rows } = await tx.query(
      `insert into policy_interpretation (policy_id, kind, title, body, media, speaker, created_by)
       values ($1,$2,$3,$4,$5,$6,$7) returning id`,
      [policyId, i.kind, i.title, i.body, i.media, i.speaker, by],
    )
    return rows[0].id
  },

  async faqs(q: Queryable, policyId: string) {
    const { rows } = await q.query(
      `select id, policy_id, question_id, question, answer, published_at from policy_faq where policy_id = $1
       order by published_at, id`,
      [policyId],
    )
    return rows.map((r) => ({
      id: r.id as string,
      policyId: r.policy_id as string,
      questionId: r.question_id as string | null,
      question: r.question as string,
      answer: r.answer as string,
      publishedAt: (r.published_at as Date).toISOString(),
    }))
  },

  /** Returns the new FAQ id, or null when the question already has one. */
  async insertFaq(
    tx: Tx,
    f: { policyId: string; questionId: string | null; question: string; answer: string },
    by: string | null,
  ): Promise<string | null> {
    const { rows } = await tx.query(
      `insert into policy_faq (policy_id, question_id, question, answer, published_by) values ($1,$2,$3,$4,$5)
       on conflict (question_id) do nothing returning id`,
      [f.policyId, f.questionId, f.question, f.answer, by],
    )
    return rows[0]?.id ?? null
  },

  async insertQuestion(
    tx: Tx,
    x: {
      policyId: string
      uscc: string
      enterpriseName: string
      askerId: string
      departmentId: string
      question: string
    },
  ): Promise<string> {
    const { rows } = await tx.query(
      `insert into policy_question (policy_id, uscc, enterprise_name, asker_id, department_id, question)
       values ($1,$2,$3,$4,$5,$6) returning id`,
      [x.policyId, x.uscc, x.enterpriseName, x.askerId, x.departmentId, x.question],
    )
    return rows[0].id
  },

  async findQuestion(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<QuestionRow | null> {
    if (opts.lock) await q.query('select 1 from policy_question where id = $1 for update', [id])
    const { rows } = await q.query(`select ${QUESTION_COLS} from ${QUESTION_FROM} where q.id = $1`, [id])
    return rows[0] ? toQuestion(rows[0]) : null
  },

  async updateQuestion(
    tx: Tx,
    id: string,
    patch: Partial<{
      status: QuestionStatus
      answer: string
      answeredBy: string | null
      answeredByName: string | null
      answeredAt: Date
      dueAt: Date | null
      slaFlag: 'warning' | 'overdue' | null
      workflowInstanceId: string
      ratingId: string
      ratingLevel: number
    }>,
  ) {
    const cols: Record<string, string> = {
      status: 'status',
      answer: 'answer',
      answeredBy: 'answered_by',
      answeredByName: 'answered_by_name',
      answeredAt: 'answered_at',
      dueAt: 'due_at',
      slaFlag: 'sla_flag',
      workflowInstanceId: 'workflow_instance_id',
      ratingId: 'rating_id',
      ratingLevel: 'rating_level',
    }
    const sets: string[] = []
    const params: unknown[] = [id]
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue
      params.push(v)
      sets.push(`${cols[k]} = $${params.length}`)
    }
    if (!sets.length) return
    await tx.query(`update policy_question set ${sets.join(', ')}, updated_at = now() where id = $1`, params)
  },

  async listQuestions(
    q: Queryable,
    f: {
      departmentIds: string[] | null
      uscc: string | null
      status?: QuestionStatus
      policyId?: string
      limit: number
      offset: number
    },
  ) {
    const where: string[] = []
    const params: unknown[] = []
    const add = (v: unknown) => {
      params.push(v)
      return `$${params.length}`
    }
    if (f.departmentIds) where.push(`q.department_id = any(${add(f.departmentIds)}::uuid[])`)
    if (f.uscc) where.push(`q.uscc = ${add(f.uscc)}`)
    if (f.status) where.push(`q.status = ${add(f.status)}`)
    if (f.policyId) where.push(`q.policy_id = ${add(f.policyId)}`)
    const w = where.length ? `where ${where.join(' and ')}` : ''
    const total = (await q.query(`select count(*)::int n from policy_question q ${w}`, params)).rows[0].n as number
    const { rows } = await q.query(
      `select ${QUESTION_COLS} from ${QUESTION_FROM} ${w}
       order by (q.status = 'open') desc, q.due_at nulls last, q.created_at desc, q.id
       limit ${add(f.limit)} offset ${add(f.offset)}`,
      params,
    )
    return { total, items: rows.map(toQuestion) }
  },
}

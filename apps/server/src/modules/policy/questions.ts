/**
 * Policy Q&A (政策问答) on the workflow engine: an enterprise asks, the issuing department answers within the SLA
 * (yellow and red cards from the timers), the asker rates the answer, and the department may publish it as an FAQ.
 */
import type { Question } from '@ruyu/contracts/policy'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import type { Tx } from '../../platform/db.ts'
import { engineActorOf } from '../workflow/index.ts'
import { departmentsOf, isAdmin, iso, type PolicyContext } from './context.ts'
import { DEFAULT_ANSWER_SLA, QUESTION_DEFINITION, QUESTION_SUBJECT, questionSpec, SIGNALS } from './domain.ts'
import {
  faqExists,
  notYourDepartment,
  policyNotFound,
  questionAnswered,
  questionInvalidState,
  questionNotFound,
} from './errors.ts'
import { type QuestionRow, policyRepo as repo } from './repo.ts'

export function createQuestions(ctx: PolicyContext) {
  const { platform, workflow, rating, enterprise, db, usccOf } = ctx

  const questionDto = (q: QuestionRow): Question => ({
    id: q.id,
    policyId: q.policyId,
    policyTitle: q.policyTitle,
    uscc: q.uscc,
    enterpriseName: q.enterpriseName,
    departmentId: q.departmentId,
    departmentName: q.departmentName,
    question: q.question,
    status: q.status,
    answer: q.answer,
    answeredAt: iso(q.answeredAt),
    answeredBy: q.answeredByName,
    askedAt: q.createdAt.toISOString(),
    dueAt: iso(q.dueAt),
    slaFlag: q.slaFlag,
    ratingLevel: q.ratingLevel,
    faqId: q.faqId,
    workflowInstanceId: q.workflowInstanceId,
  })

  /** A question the caller may see: the asking enterprise, staff of the department, admin; otherwise 404. */
  async function visibleQuestion(p: Principal, id: string, q: Tx | typeof db.pool = db.pool, lock = false) {
    const row = await repo.findQuestion(q, id, { lock })
    if (!row) throw questionNotFound()
    if (p.kind === 'enterprise') {
      if (row.uscc !== (await usccOf(p).catch(() => null))) throw questionNotFound()
    } else if (!isAdmin(p) && !departmentsOf(p).includes(row.departmentId)) throw questionNotFound()
    return row
  }

  // No reader capability: every department's policy staff hold policy:manage, and a question is read by the asker,
  // the department it went to (its task) and audit readers only. Answering goes through the policy routes, which
  // record the answer on the question.
  workflow.ownedBy(QUESTION_SUBJECT, 'policy')

  // Timer signals of the Q&A workflow: yellow card at the warning, red card when overdue.
  for (const [flag, name] of [
    ['warning', SIGNALS.warning],
    ['overdue', SIGNALS.overdue],
  ] as const)
    workflow.onSignal(name, async (tx, { root }) => {
      if (root.subjectType !== QUESTION_SUBJECT) return
      const q = await repo.findQuestion(tx, root.subjectId, { lock: true })
      if (q?.status !== 'open') return
      if (flag === 'warning' && q.slaFlag === 'overdue') return
      await repo.updateQuestion(tx, q.id, { slaFlag: flag })
    })

  return {
    // --- Q&A ----------------------------------------------------------------------------------------------------
    /** An enterprise asks about a policy: routed to the issuing department with a 24-hour calendar SLA. */
    async ask(p: Principal, actor: Actor, policyId: string, input: { question: string }, requestId?: string) {
      const uscc = await usccOf(p)
      const policy = await repo.findPolicy(db.pool, policyId)
      if (!policy || policy.status === 'draft') throw policyNotFound()
      const profile = await enterprise.profile(uscc)
      const sla = await platform.settings.get('policy.answerSla', DEFAULT_ANSWER_SLA)
      const id = await db.tx(async (tx) => {
        const qid = await repo.insertQuestion(tx, {
          policyId,
          uscc,
          enterpriseName: profile?.name ?? p.displayName,
          askerId: p.userId!,
          departmentId: policy.departmentId,
          question: input.question,
        })
        await workflow.publish(tx, questionSpec, actor)
        const inst = await workflow.start(
          tx,
          {
            definitionKey: QUESTION_DEFINITION,
            subjectType: QUESTION_SUBJECT,
            subjectId: qid,
            title: `政策咨询：${policy.title}`,
            divisionCode: policy.divisionCode,
            applicantId: p.userId,
            context: { departmentId: policy.departmentId, policyId, sla },
          },
          actor,
          new Date(),
          requestId,
        )
        await repo.updateQuestion(tx, qid, { workflowInstanceId: inst.id, dueAt: inst.dueAt })
        await recordAudit(tx, {
          actor,
          action: 'policy.question.ask',
          resourceType: 'policy_question',
          resourceId: qid,
          divisionCode: policy.divisionCode,
          requestId,
          data: { policyId },
        })
        return qid
      })
      return questionDto((await repo.findQuestion(db.pool, id))!)
    },

    async question(p: Principal, id: string) {
      return questionDto(await visibleQuestion(p, id))
    },

    async myQuestions(
      p: Principal,
      q: { status?: 'open' | 'answered'; policyId?: string; page: number; pageSize: number },
    ) {
      const r = await repo.listQuestions(db.pool, {
        departmentIds: null,
        uscc: await usccOf(p),
        status: q.status,
        policyId: q.policyId,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      })
      return { total: r.total, items: r.items.map(questionDto) }
    },

    /** Questions routed to the caller's department(s); admin sees all. */
    async questions(
      p: Principal,
      q: { status?: 'open' | 'answered'; policyId?: string; page: number; pageSize: number },
    ) {
      const r = await repo.listQuestions(db.pool, {
        departmentIds: isAdmin(p) ? null : departmentsOf(p),
        uscc: null,
        status: q.status,
        policyId: q.policyId,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      })
      return { total: r.total, items: r.items.map(questionDto) }
    },

    /** The issuing department answers (another department → 403); the asker is notified. */
    async answer(p: Principal, actor: Actor, id: string, input: { answer: string }, requestId?: string) {
      await db.tx(async (tx) => {
        const q = await repo.findQuestion(tx, id, { lock: true })
        if (!q) throw questionNotFound()
        if (!departmentsOf(p).includes(q.departmentId)) throw notYourDepartment()
        if (q.status !== 'open' || !q.workflowInstanceId) throw questionAnswered()
        const now = new Date()
        await workflow.actInTx(
          tx,
          engineActorOf(p),
          actor,
          q.workflowInstanceId,
          'answer',
          { comment: input.answer },
          now,
          requestId,
        )
        await repo.updateQuestion(tx, id, {
          status: 'answered',
          answer: input.answer,
          answeredBy: p.userId,
          answeredByName: p.displayName,
          answeredAt: now,
        })
        await recordAudit(tx, {
          actor,
          action: 'policy.question.answer',
          resourceType: 'policy_question',
          resourceId: id,
          requestId,
        })
      })
      return questionDto((await repo.findQuestion(db.pool, id))!)
    },

    /** The asking enterprise rates the answer (好差评; a 差评 opens the department's rectification). */
    async rate(
      p: Principal,
      actor: Actor,
      id: string,
      input: { level: 1 | 2 | 3 | 4 | 5; comment?: string | null; reasons?: string[] },
      requestId?: string,
    ) {
      await usccOf(p)
      await db.tx(async (tx) => {
        const q = await visibleQuestion(p, id, tx, true)
        if (q.status !== 'answered') throw questionInvalidState({ action: '评价', reason: '尚未答复' })
        const row = await rating.rate(
          tx,
          actor,
          {
            subjectType: QUESTION_SUBJECT,
            subjectId: id,
            subjectTitle: `政策咨询：${q.policyTitle}`,
            departmentId: q.departmentId,
            divisionCode: platform.config.district.code,
            raterId: p.userId!,
            channel: 'online',
            level: input.level,
            reasons: input.reasons,
            comment: input.comment ?? null,
          },
          requestId,
        )
        await repo.updateQuestion(tx, id, { ratingId: row.id, ratingLevel: input.level })
      })
      return questionDto((await repo.findQuestion(db.pool, id))!)
    },

    /** Publishes an answered question (optionally edited) as an FAQ on its policy; department staff only. */
    async publishFaq(
      p: Principal,
      actor: Actor,
      id: string,
      input: { question?: string; answer?: string },
      requestId?: string,
    ) {
      await db.tx(async (tx) => {
        const q = await repo.findQuestion(tx, id, { lock: true })
        if (!q) throw questionNotFound()
        if (!departmentsOf(p).includes(q.departmentId) && !isAdmin(p)) throw notYourDepartment()
        if (q.status !== 'answered' || !q.answer)
          throw questionInvalidState({ action: '发布为常见问题', reason: '尚未答复' })
        const faqId = await repo.insertFaq(
          tx,
          {
            policyId: q.policyId,
            questionId: q.id,
            question: input.question ?? q.question,
            answer: input.answer ?? q.answer,
          },
          p.userId,
        )
        if (!faqId) throw faqExists()
        await recordAudit(tx, {
          actor,
          action: 'policy.faq.publish',
          resourceType: 'policy_question',
          resourceId: id,
          requestId,
          data: { faqId, policyId: q.policyId },
        })
      })
      return questionDto((await repo.findQuestion(db.pool, id))!)
    },
  }
}

import { capabilitiesOf } from '@ruyu/contracts/access'
import { type Actor, SYSTEM_ACTOR } from '../../platform/audit.ts'
import { type Principal, principalActor } from '../../platform/auth/service.ts'
import type { Db } from '../../platform/db.ts'
import type { Platform } from '../../platform/platform.ts'
import { SEED_POLICIES } from './data/policies.ts'
import { beijingDate } from './domain.ts'
import { policyRepo as repo } from './repo.ts'
import { checkRule, type PolicyService } from './service.ts'

export interface PolicySeedReport {
  policies: number
  published: number
  matches: number
  questions: number
}

/** A principal for a demo account (the seed acts as the enterprise and the department staff). */
async function principalOf(db: Db, username: string): Promise<Principal | null> {
  const u = (
    await db.query('select id, username, display_name, kind, enterprise_uscc from core_user where username = $1', [
      username,
    ])
  ).rows[0]
  if (!u) return null
  const posts = (
    await db.query('select id, role, scope_division_code, department_id from core_post where user_id = $1', [u.id])
  ).rows
  const roles = posts.map((p) => p.role as string)
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    kind: u.kind,
    roles,
    capabilities: new Set(capabilitiesOf(roles)),
    posts: posts.map((p) => ({
      id: p.id,
      role: p.role,
      scopeDivisionCode: p.scope_division_code,
      scopeDivisionName: null,
      departmentId: p.department_id,
      departmentName: null,
    })),
    scopes: posts.map((p) => p.scope_division_code),
    enterpriseUscc: u.enterprise_uscc,
    via: 'session',
  }
}

/**
 * Demo policies (~40, from 发改/工信/科技/人社/财政 …) with interpretations and FAQs; published ones are matched
 * against the enterprises already seeded (run after the enterprise seed) and pushed; in demo mode a few Q&A
 * threads. Idempotent: does nothing once policies exist.
 */
export async function seedPolicy(
  platform: Platform,
  service: PolicyService,
  opts: { demo: boolean },
): Promise<PolicySeedReport> {
  const { db } = platform
  const existing = (await db.query('select count(*)::int n from policy_policy')).rows[0]?.n as number
  await db.tx((tx) => service.ensureDefinitions(tx, SYSTEM_ACTOR))
  if (existing > 0) return { policies: existing, published: 0, matches: 0, questions: 0 }
  const today = beijingDate()
  const ids: { id: string; title: string; department: string }[] = []
  let published = 0
  await db.tx(async (tx) => {
    for (const s of SEED_POLICIES) {
      const dep = (await tx.query('select id from core_org_unit where code = $1', [s.department])).rows[0]
      if (!dep) continue
      const id = await repo.insertPolicy(
        tx,
        {
          title: s.title,
          docNumber: s.docNumber,
          departmentId: dep.id,
          level: s.level,
          divisionCode: '370612',
          validFrom: s.validFrom,
          validTo: s.validTo,
          benefitSummary: s.benefit,
          fullText: `${s.title}\n\n${s.benefit}\n\n（政策全文以发文机关正式文件为准。）`,
          attachments: [],
          serviceItemCode: s.serviceItemCode ?? null,
          enterpriseServiceCode: null,
          rule: s.rule === null ? null : checkRule(s.rule),
        },
        null,
      )
      const status = s.status === 'draft' ? 'draft' : s.validTo && s.validTo < today ? 'expired' : 'published'
      if (status !== 'draft') await repo.setStatus(tx, id, 'published', null)
      if (status === 'expired') await repo.setStatus(tx, id, 'expired', null)
      if (status === 'published') published++
      for (const i of s.interpretations ?? [])
        await repo.insertInterpretation(
          tx,
          id,
          { kind: i.kind, title: i.title, body: i.body, media: [], speaker: i.speaker ?? null },
          null,
        )
      for (const f of s.faqs ?? [])
        await repo.insertFaq(tx, { policyId: id, questionId: null, question: f.question, answer: f.answer }, null)
      ids.push({ id, title: s.title, department: s.department })
    }
  })

  // Match and push the published policies against the seeded enterprises.
  let matches = 0
  service.invalidateSnapshot()
  await db.tx(async (tx) => {
    for (const p of ids) matches += (await service.matchPolicy(tx, p.id)).matched
  })

  let questions = 0
  if (opts.demo) {
    const ent = await principalOf(db, 'enterprise')
    const gxj = await principalOf(db, 'gxj')
    const kjj = await principalOf(db, 'kjj')
    const byTitle = (t: string) => ids.find((x) => x.title === t)?.id
    const act = (p: Principal): Actor => principalActor(p)
    if (ent?.enterpriseUscc && gxj && kjj) {
      const tech = byTitle('规上工业企业技术改造补助')
      const spec = byTitle('专精特新中小企业培育扶持政策')
      const rnd = byTitle('企业研发费用后补助')
      if (tech) {
        const q = await service.ask(ent, act(ent), tech, {
          question: '我公司去年购置了一批检测设备，投资 620 万元，能否申请技改补助？需要提供哪些材料？',
        })
        await service.answer(gxj, act(gxj), q.id, {
          answer:
            '设备投资 500 万元以上的技改项目可以申请。请准备项目备案证明、设备购置合同及发票、付款凭证和项目竣工报告，于每年 3 月底前通过政企云提交。',
        })
        await service.rate(ent, act(ent), q.id, { level: 5, comment: '答复及时清楚' })
        await service.publishFaq(gxj, act(gxj), q.id, {})
        questions++
      }
      if (spec) {
        await service.ask(ent, act(ent), spec, {
          question: '创新型中小企业和专精特新中小企业可以同时申报奖励吗？',
        })
        questions++
      }
      if (rnd) {
        const q = await service.ask(ent, act(ent), rnd, {
          question: '研发费用后补助的研发费用口径是按加计扣除数还是按会计核算数？',
        })
        await service.answer(kjj, act(kjj), q.id, {
          answer: '按税务部门确认的上年度研发费用税前加计扣除额计算，以汇算清缴数据为准。',
        })
        questions++
      }
    }
  }
  return { policies: ids.length, published, matches, questions }
}

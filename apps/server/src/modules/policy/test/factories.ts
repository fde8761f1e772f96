import type { Rule } from '@ruyu/contracts/policy'
import type { TestContext } from '@ruyu/testkit'
import { evaluate, type MatchProfile } from '../rules.ts'

/** The demo enterprise (seed account `enterprise`) and the second demo enterprise (`enterprise2`). */
export const USCC_1 = '91370612MA3C12346J'
export const USCC_2 = '91370612MA3D8K5W6A'

export async function userId(t: TestContext, username: string): Promise<string> {
  return (await t.platform.db.query('select id from core_user where username = $1', [username])).rows[0]!.id
}
export async function inbox(t: TestContext, username: string) {
  return (await t.platform.notifications.list(await userId(t, username), { unreadOnly: false, limit: 200, offset: 0 }))
    .items
}
/** Delivers the outbox until it is empty (matching enqueues notifications, which are delivered next). */
export async function drain(t: TestContext) {
  for (let i = 0; i < 5; i++) if ((await t.platform.events.drain()) === 0) return
}

/** The id of an org unit by code (MP-GXJ: the department whose staff account is `gxj`). */
export async function unitId(t: TestContext, code: string): Promise<string> {
  return (await t.platform.db.query('select id from core_org_unit where code = $1', [code])).rows[0]!.id
}

/** A rule the first profile satisfies and the second does not (built from the profiles, so seeds may change). */
export function discriminating(a: MatchProfile, b: MatchProfile): Rule {
  const tag = a.tags.find((x) => !b.tags.includes(x))
  const candidates: Rule[] = [
    ...(tag ? [{ hasTag: tag }] : []),
    { in: { field: 'industryCode', values: [a.industryCode] } },
    { divisionWithin: a.divisionCode },
    { between: { field: 'employees', min: a.employees, max: a.employees } },
    { between: { field: 'revenueWan', min: a.revenueWan, max: a.revenueWan } },
  ]
  const rule = candidates.find((r) => evaluate(r, a) && !evaluate(r, b))
  if (!rule) throw new Error('demo enterprises are indistinguishable')
  return { all: [rule, { not: { hasTag: '失信被执行人' } }] }
}

/** A policy of the given department, valid to 2099, with the given rule. */
export const policyInput = (departmentId: string, title: string, rule: unknown) => ({
  title,
  departmentId,
  level: 'district',
  validFrom: '2026-01-01',
  validTo: '2099-12-31',
  benefitSummary: '测试用政策：符合条件的企业给予奖励。',
  rule,
})

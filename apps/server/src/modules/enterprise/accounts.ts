/**
 * Enterprise accounts: public self-registration (a pending membership), the caller's own standing, and staff
 * verification or rejection (the account gets its enterprise and role only when verified).
 */
import type { RegisterEnterpriseUser } from '@ruyu/contracts/enterprise'
import { maskMobile } from '@ruyu/contracts/identifiers'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import { type EnterpriseContext, iso, type Page, paging } from './context.ts'
import { enterpriseNotFound, memberDecided, memberNotFound, unknownEnterprise } from './errors.ts'
import { type MemberRow, enterpriseRepo as repo } from './repo.ts'

export function createAccounts(ctx: EnterpriseContext) {
  const { platform, db, membership, inScope } = ctx

  return {
    /** Public self-registration: creates the account (no access yet) and a pending membership for staff to verify. */
    async register(input: RegisterEnterpriseUser, requestId?: string) {
      const c = await repo.findCompany(db.pool, input.uscc)
      if (!c || c.status !== 'active' || c.name !== input.enterpriseName.trim()) throw unknownEnterprise()
      return db.tx(async (tx) => {
        const actor: Actor = { kind: 'anonymous', id: null, username: input.username }
        const userId = await platform.auth.createUser(tx, actor, {
          username: input.username,
          displayName: input.contactName,
          kind: 'enterprise',
          password: input.password,
          mobile: input.mobile,
          enterpriseUscc: null,
          posts: [],
        })
        const id = await repo.insertMember(tx, {
          userId,
          uscc: c.uscc,
          contactName: input.contactName,
          mobile: input.mobile,
          status: 'pending',
        })
        await recordAudit(tx, {
          actor: { kind: 'user', id: userId, accountKind: 'enterprise', username: input.username },
          action: 'enterprise.member.register',
          resourceType: 'enterprise_member',
          resourceId: id,
          divisionCode: c.divisionCode,
          requestId,
          data: { uscc: c.uscc },
        })
        return { id, status: 'pending' as const, uscc: c.uscc, enterpriseName: c.name }
      })
    },

    async myMembership(p: Principal) {
      if (p.kind !== 'enterprise' || !p.userId) throw enterpriseNotFound()
      const m = await repo.memberOfUser(db.pool, p.userId)
      if (m) return { status: m.status, uscc: m.uscc, enterpriseName: m.enterpriseName, reason: m.reason }
      const own = await membership(p)
      if (!own) throw enterpriseNotFound()
      const c = await repo.findCompany(db.pool, own.uscc)
      return { status: own.status, uscc: own.uscc, enterpriseName: c?.name ?? p.displayName, reason: null }
    },

    async listMembers(p: Principal, f: { status?: string; uscc?: string } & Page) {
      const r = await repo.listMembers(db.pool, { scopes: p.scopes, status: f.status, uscc: f.uscc }, paging(f))
      return { total: r.total, items: r.items.map(memberDto) }
    },

    /** Staff verify (the account gets its enterprise and role) or reject (with a reason) a pending account. */
    async decideMember(
      p: Principal,
      actor: Actor,
      id: string,
      decision: { verify: true } | { verify: false; reason: string },
      requestId?: string,
    ) {
      await db.tx(async (tx) => {
        const m = await repo.findMember(tx, id, { lock: true })
        const c = m && (await repo.findCompany(tx, m.uscc))
        if (!m || !c || !inScope(p, c.divisionCode)) throw memberNotFound()
        if (m.status !== 'pending') throw memberDecided({ status: m.status })
        const status = decision.verify ? 'verified' : 'rejected'
        await repo.decideMember(tx, id, status, p.userId, decision.verify ? null : decision.reason)
        if (decision.verify) await platform.auth.linkEnterprise(tx, m.userId, m.uscc, platform.config.district.code)
        await recordAudit(tx, {
          actor,
          action: `enterprise.member.${decision.verify ? 'verify' : 'reject'}`,
          resourceType: 'enterprise_member',
          resourceId: id,
          divisionCode: c.divisionCode,
          requestId,
          data: { uscc: m.uscc, userId: m.userId },
        })
        await platform.notifications.send(tx, {
          userIds: [m.userId],
          title: decision.verify ? '企业账号审核通过' : '企业账号审核未通过',
          body: decision.verify
            ? `您已成为“${c.name}”的企业用户，可以申请政企云服务。`
            : `您关联“${c.name}”的申请未通过：${decision.verify ? '' : decision.reason}`,
          link: '/enterprise/my',
        })
      })
      const m = (await repo.findMember(db.pool, id))!
      return memberDto(m)
    },
  }
}

function memberDto(m: MemberRow) {
  return {
    id: m.id,
    userId: m.userId,
    username: m.username,
    contactName: m.contactName,
    mobileMasked: m.mobile ? maskMobile(m.mobile) : null,
    uscc: m.uscc,
    enterpriseName: m.enterpriseName,
    status: m.status,
    reason: m.reason,
    decidedBy: m.decidedBy,
    decidedByName: m.decidedByName,
    decidedAt: iso(m.decidedAt),
    createdAt: m.createdAt.toISOString(),
  }
}

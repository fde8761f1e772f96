/**
 * The supply-demand board (供需对接): enterprises post needs and offers, get scored suggestions of the other kind,
 * and contact each other through the platform's inbox (no contact details exposed).
 */
import type { Contact, CreateListing, Listing } from '@ruyu/contracts/enterprise'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import { type EnterpriseContext, type Page, paging } from './context.ts'
import { beijingToday, industryDivision, industryName, matchScore, searchTokens } from './domain.ts'
import {
  contactNotFound,
  invalidDivision,
  invalidIndustry,
  listingExpired,
  listingNotFound,
  ownListing,
} from './errors.ts'
import { type ListingRow, enterpriseRepo as repo } from './repo.ts'

const listingDto = (l: ListingRow, mine: string | null, regions: Map<string, string>): Listing => ({
  id: l.id,
  kind: l.kind,
  category: l.category,
  title: l.title,
  description: l.description,
  industryCode: l.industryCode,
  industryName: industryName(l.industryCode),
  quantity: l.quantity,
  regionCode: l.regionCode,
  regionName: regions.get(l.regionCode) ?? null,
  validUntil: l.validUntil,
  status: l.status,
  enterpriseName: l.enterpriseName,
  mine: l.uscc === mine,
  createdAt: l.createdAt.toISOString(),
})

const contactDto = (c: Awaited<ReturnType<typeof repo.contacts>>['items'][number], uscc: string | null): Contact => ({
  id: c.id,
  listingId: c.listingId,
  listingTitle: c.listingTitle,
  fromEnterpriseName: c.fromEnterpriseName,
  toEnterpriseName: c.toEnterpriseName,
  direction: c.fromUscc === uscc ? 'sent' : 'received',
  message: c.message,
  replies: c.replies,
  createdAt: c.createdAt.toISOString(),
})

export function createBoard(ctx: EnterpriseContext) {
  const { platform, db, myUscc } = ctx

  return {
    async createListing(p: Principal, actor: Actor, input: CreateListing, requestId?: string): Promise<Listing> {
      const uscc = await myUscc(p)
      if (!industryDivision(input.industryCode)) throw invalidIndustry({ code: input.industryCode })
      const regions = await repo.divisionNames(db.pool, [input.regionCode])
      if (!regions.has(input.regionCode)) throw invalidDivision({ code: input.regionCode })
      if (input.validUntil <= beijingToday()) throw listingExpired()
      const id = await db.tx(async (tx) => {
        const id = await repo.insertListing(tx, {
          uscc,
          kind: input.kind,
          category: input.category,
          title: input.title,
          description: input.description,
          industryCode: input.industryCode,
          quantity: input.quantity ?? null,
          regionCode: input.regionCode,
          validUntil: input.validUntil,
          tokens: searchTokens(`${input.title} ${input.description}`),
          createdBy: p.userId,
        })
        await recordAudit(tx, {
          actor,
          action: 'enterprise.listing.create',
          resourceType: 'enterprise_listing',
          resourceId: id,
          requestId,
          data: { uscc, kind: input.kind },
        })
        return id
      })
      return listingDto((await repo.findListing(db.pool, id))!, uscc, regions)
    },

    async listListings(
      p: Principal,
      f: { kind?: string; category?: string; industry?: string; q?: string; mine?: 'true' | 'false' } & Page,
    ) {
      const uscc = await myUscc(p)
      const tokens = f.q ? searchTokens(f.q) : undefined
      const r = await repo.listListings(
        db.pool,
        {
          today: beijingToday(),
          kind: f.kind,
          category: f.category,
          industry: f.industry,
          tokens: tokens?.length ? tokens : f.q ? [f.q] : undefined,
          uscc: f.mine === 'true' ? uscc : undefined,
          openOnly: f.mine !== 'true',
        },
        paging(f),
      )
      const regions = await repo.divisionNames(
        db.pool,
        r.items.map((l) => l.regionCode),
      )
      return { total: r.total, items: r.items.map((l) => listingDto(l, uscc, regions)) }
    },

    async getListing(p: Principal, id: string) {
      const uscc = await myUscc(p)
      const l = await repo.findListing(db.pool, id)
      if (!l || (l.uscc !== uscc && (l.status !== 'open' || l.validUntil < beijingToday()))) throw listingNotFound()
      return listingDto(l, uscc, await repo.divisionNames(db.pool, [l.regionCode]))
    },

    async closeListing(p: Principal, actor: Actor, id: string, requestId?: string) {
      const uscc = await myUscc(p)
      const l = await repo.findListing(db.pool, id)
      if (!l || l.uscc !== uscc) throw listingNotFound()
      await db.tx(async (tx) => {
        await repo.closeListing(tx, id)
        await recordAudit(tx, {
          actor,
          action: 'enterprise.listing.close',
          resourceType: 'enterprise_listing',
          resourceId: id,
          requestId,
        })
      })
      return this.getListing(p, id)
    },

    /** Suggestions for one of the caller's listings: the other kind, scored by industry, keywords and region. */
    async matches(p: Principal, id: string) {
      const uscc = await myUscc(p)
      const l = await repo.findListing(db.pool, id)
      if (!l || l.uscc !== uscc) throw listingNotFound()
      const other = l.kind === 'need' ? 'offer' : 'need'
      const candidates = await repo.matchCandidates(db.pool, {
        kind: other,
        excludeUscc: uscc,
        tokens: l.tokens,
        section: l.industryCode[0]!,
        today: beijingToday(),
      })
      const scored = candidates
        .map((c) => ({ c, ...matchScore(l, c) }))
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score || b.c.createdAt.getTime() - a.c.createdAt.getTime())
        .slice(0, 20)
      const regions = await repo.divisionNames(
        db.pool,
        scored.map((x) => x.c.regionCode),
      )
      return { items: scored.map((x) => ({ ...listingDto(x.c, uscc, regions), score: x.score, reasons: x.reasons })) }
    },

    /** Contacts the publisher through the platform: a message to its verified users' inboxes, no details exposed. */
    async contact(p: Principal, actor: Actor, listingId: string, message: string, requestId?: string) {
      const uscc = await myUscc(p)
      const l = await repo.findListing(db.pool, listingId)
      if (!l || l.status !== 'open' || l.validUntil < beijingToday()) throw listingNotFound()
      if (l.uscc === uscc) throw ownListing()
      const me = (await repo.findCompany(db.pool, uscc))!
      const id = await db.tx(async (tx) => {
        const id = await repo.insertContact(tx, {
          listingId,
          fromUscc: uscc,
          toUscc: l.uscc,
          fromUserId: p.userId,
          message,
        })
        await recordAudit(tx, {
          actor,
          action: 'enterprise.board.contact',
          resourceType: 'enterprise_board_contact',
          resourceId: id,
          requestId,
          data: { listingId, from: uscc, to: l.uscc },
        })
        await platform.notifications.send(tx, {
          userIds: await repo.userIdsOf(tx, l.uscc),
          title: `供需对接：${me.name} 联系了您`,
          body: `关于“${l.title}”：${message}`,
          link: `/enterprise/board/contacts/${id}`,
        })
        return id
      })
      return this.getContact(p, id)
    },

    async contacts(p: Principal, f: Page) {
      const uscc = await myUscc(p)
      const r = await repo.contacts(db.pool, { uscc }, paging(f))
      return { total: r.total, items: r.items.map((c) => contactDto(c, uscc)) }
    },

    async getContact(p: Principal, id: string) {
      const uscc = await myUscc(p)
      const r = await repo.contacts(db.pool, { uscc, id }, { limit: 1, offset: 0 })
      if (!r.items[0]) throw contactNotFound()
      return contactDto(r.items[0], uscc)
    },

    async reply(p: Principal, actor: Actor, id: string, message: string, requestId?: string) {
      const uscc = await myUscc(p)
      const r = await repo.contacts(db.pool, { uscc, id }, { limit: 1, offset: 0 })
      const c = r.items[0]
      if (!c) throw contactNotFound()
      const other = c.fromUscc === uscc ? c.toUscc : c.fromUscc
      const myName = c.fromUscc === uscc ? c.fromEnterpriseName : c.toEnterpriseName
      await db.tx(async (tx) => {
        await repo.insertReply(tx, { contactId: id, fromUscc: uscc, fromUserId: p.userId, message })
        await recordAudit(tx, {
          actor,
          action: 'enterprise.board.reply',
          resourceType: 'enterprise_board_contact',
          resourceId: id,
          requestId,
        })
        await platform.notifications.send(tx, {
          userIds: await repo.userIdsOf(tx, other),
          title: `供需对接：${myName} 回复了您`,
          body: `关于“${c.listingTitle}”：${message}`,
          link: `/enterprise/board/contacts/${id}`,
        })
      })
      return this.getContact(p, id)
    },
  }
}

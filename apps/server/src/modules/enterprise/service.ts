/**
 * The enterprise service: the stable API other modules use (see index.ts) and the board statistics, composed with
 * the use-case files (enterprises, accounts, catalogue, requests, board) that share one context.
 */
import {
  ENTERPRISE_SCALES,
  ENTERPRISE_SERVICE_MODULE_NAMES,
  ENTERPRISE_SERVICE_MODULES,
  type EnterpriseStats,
  type ServiceRequestStatus,
} from '@ruyu/contracts/enterprise'
import { recordAudit, SYSTEM_ACTOR } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import type { Queryable } from '../../platform/db.ts'
import { createAccounts } from './accounts.ts'
import { createBoard } from './board.ts'
import { createCatalogue } from './catalogue.ts'
import { createEnterpriseContext, type EnterpriseDeps } from './context.ts'
import { beijingToday, type EnterpriseProfile, FINAL_STATUSES } from './domain.ts'
import { createEnterprises, profileOf } from './enterprises.ts'
import { profileChanged } from './profile-events.ts'
import { type CompanyInput, enterpriseRepo as repo } from './repo.ts'
import { createRequests } from './requests.ts'
import { syntheticEnterprise } from './synthetic.ts'

export type { EnterpriseDeps, Membership } from './context.ts'

/** Enterprise service cloud: profiles, accounts, the service catalogue and requests, the supply-demand board. */
export function createEnterpriseService(deps: EnterpriseDeps) {
  const ctx = createEnterpriseContext(deps)
  const { platform, db, membership } = ctx

  /** Loads n synthetic enterprises in multi-row statements; returns how many were new. */
  async function insertSynthetic(
    n: number,
    seed: number,
    opts: { events?: boolean; offset?: number } = {},
  ): Promise<number> {
    const today = beijingToday()
    const batch = 5000
    let inserted = 0
    for (let start = 0; start < n; start += batch) {
      const items: CompanyInput[] = []
      for (let i = start; i < Math.min(n, start + batch); i++)
        items.push(syntheticEnterprise(seed, (opts.offset ?? 0) + i, today))
      inserted += await db.tx(async (tx) => {
        const usccs = await repo.bulkInsertCompanies(tx, items)
        if (opts.events) for (const uscc of usccs) await profileChanged(platform, tx, { uscc, version: 1 })
        return usccs.length
      })
    }
    await db.tx((tx) =>
      recordAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: 'enterprise.synthetic_load',
        resourceType: 'enterprise',
        data: { requested: n, inserted, seed },
      }),
    )
    return inserted
  }

  return {
    // ==== Public API for other modules (see index.ts) ====================================================

    /** The profile of one enterprise (any status), or null. */
    async profile(uscc: string, q: Queryable = db.pool): Promise<EnterpriseProfile | null> {
      const c = await repo.findCompany(q, uscc)
      return c ? profileOf(c) : null
    },

    /** Active enterprises ordered by USCC after `afterUscc` (null/'' = from the start): keyset paging for bulk readers. */
    async profilesPage(opts: { afterUscc?: string | null; limit: number }, q: Queryable = db.pool) {
      const rows = await repo.companiesAfter(q, opts.afterUscc ?? null, Math.max(1, Math.min(opts.limit, 10_000)))
      const today = beijingToday()
      const items = rows.map((c) => profileOf(c, today))
      return { items, nextAfterUscc: items.length ? items[items.length - 1]!.uscc : null }
    },

    /** User ids of the enterprise's verified accounts (for inbox pushes). */
    async userIdsOf(uscc: string, q: Queryable = db.pool): Promise<string[]> {
      return repo.userIdsOf(q, uscc)
    },

    /** userIdsOf for many enterprises in one query (every USCC asked is a key, possibly with []). */
    async userIdsOfMany(usccs: string[], q: Queryable = db.pool): Promise<Map<string, string[]>> {
      return repo.userIdsOfMany(q, [...new Set(usccs)])
    },

    /** Bulk-loads n realistic synthetic enterprises (deterministic per seed; benchmarks); returns how many were new. */
    async insertSyntheticEnterprises(n: number, seed: number, opts: { events?: boolean; offset?: number } = {}) {
      return insertSynthetic(n, seed, opts)
    },

    /** The caller's standing towards an enterprise (also used by the web to show the pending state). */
    membership,

    ...createEnterprises(ctx),
    ...createAccounts(ctx),
    ...createCatalogue(ctx),
    ...createRequests(ctx),
    ...createBoard(ctx),

    // ==== Statistics =====================================================================================
    /** Requests by module and provider (delivered = completed), enterprises by scale, accounts, board. */
    async stats(p: Principal): Promise<EnterpriseStats> {
      const [byModule, byProvider, providers, scales, members, board] = await Promise.all([
        repo.requestStats(db.pool, 'module', p.scopes),
        repo.requestStats(db.pool, 'provider_id', p.scopes),
        repo.providers(db.pool),
        repo.scaleCounts(db.pool, p.scopes),
        repo.memberCounts(db.pool, p.scopes),
        repo.boardCounts(db.pool, beijingToday()),
      ])
      const counts = (rows: { status: ServiceRequestStatus; n: number; rated: number; good: number }[]) => {
        const c = { total: 0, submitted: 0, handling: 0, completed: 0, declined: 0, withdrawn: 0, rated: 0 }
        let good = 0
        for (const r of rows) {
          c.total += r.n
          c[r.status] += r.n
          c.rated += r.rated
          good += r.good
        }
        return { ...c, satisfaction: c.rated ? Math.round((good / c.rated) * 10000) / 10000 : null }
      }
      const totals = counts(byModule)
      return {
        delivered: totals.completed,
        totals,
        byModule: ENTERPRISE_SERVICE_MODULES.map((m) => ({
          module: m,
          name: ENTERPRISE_SERVICE_MODULE_NAMES[m],
          ...counts(byModule.filter((r) => r.key === m)),
        })),
        byProvider: providers.map((pr) => ({
          providerId: pr.id,
          providerName: pr.name,
          kind: pr.kind,
          ...counts(byProvider.filter((r) => r.key === pr.id)),
        })),
        enterprises: {
          total: [...scales.values()].reduce((a, b) => a + b, 0),
          byScale: ENTERPRISE_SCALES.map((s) => ({ scale: s, total: scales.get(s) ?? 0 })),
          verifiedAccounts: members.get('verified') ?? 0,
          pendingAccounts: members.get('pending') ?? 0,
        },
        listings: board,
      }
    },

    FINAL_STATUSES,
  }
}

export type EnterpriseService = ReturnType<typeof createEnterpriseService>

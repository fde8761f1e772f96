/** Staff reads: the order board's lists, an order's detail, and the statistics of a period. */
import type { OrderListQuery, StatsQuery, StatsResult } from '@ruyu/contracts/hotline'
import type { Actor } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import { hotlineActorOf, visibilityOf } from './actor.ts'
import { fail, type HotlineContext } from './context.ts'
import { toOrderDto, unitIdsOf } from './order-view.ts'
import { hotlineRepo as repo } from './repo.ts'
import { statsResult } from './stats.ts'

export function queryUseCases(c: HotlineContext) {
  const { db, settings, unitRefs, detail } = c
  return {
    async list(p: Principal, actor: Actor, f: OrderListQuery) {
      const w = hotlineActorOf(p, actor)
      const r = await repo.listOrders(db.pool, visibilityOf(w), {
        ...f,
        supervised: f.supervised === undefined ? undefined : f.supervised === 'true',
        returned: f.returned === undefined ? undefined : f.returned === 'true',
        enterpriseUscc: f.enterpriseUscc,
        source: f.source,
        limit: f.pageSize,
        offset: (f.page - 1) * f.pageSize,
      })
      const units = await unitRefs(r.items.flatMap(unitIdsOf))
      return { total: r.total, items: r.items.map((o) => toOrderDto(o, w, units)) }
    },

    /** The order with its timeline and what the caller may do now; 404 outside the caller's visibility. */
    async get(p: Principal, actor: Actor, id: string) {
      return detail(hotlineActorOf(p, actor), id)
    },
    detailAs: detail,

    /** The eight rates of a period, grouped, under the conventions of the stats settings (stats.ts). */
    async stats(p: Principal, q: StatsQuery): Promise<StatsResult> {
      const s = (await settings()).stats
      if (q.from > q.to) throw fail([{ path: ['to'], message: '结束日期不能早于开始日期' }])
      const f = { groupBy: q.groupBy, from: q.from, to: q.to, scopes: p.scopes, valid: s.validResults }
      return statsResult(q, s, await repo.stats(db.pool, f))
    },
  }
}

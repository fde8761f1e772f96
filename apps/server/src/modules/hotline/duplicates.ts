/** Duplicate hints: earlier orders in the caller's scope that look like the same matter (phone, address, nearby). */
import type { DuplicateCandidate } from '@ruyu/contracts/hotline'
import type { Actor } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import { coalesce } from '../../platform/coalesce.ts'
import { type HotlineActor, hotlineActorOf } from './actor.ts'
import type { HotlineContext } from './context.ts'
import { type DuplicateProbe, hotlineRepo as repo } from './repo.ts'

export type DuplicateQuery = {
  callerPhone?: string
  categoryId?: string | null
  divisionCode?: string
  address?: string
  lat?: number
  lng?: number
  excludeId?: string
  days?: number
}
/** The lookup of orders that look like the same matter, or null when there is nothing to look by. */
export async function duplicateProbe(
  c: HotlineContext,
  w: HotlineActor,
  f: DuplicateQuery,
): Promise<DuplicateProbe | null> {
  if (!f.callerPhone && !f.address && f.lat === undefined) return null
  const s = await c.settings()
  return {
    phone: f.callerPhone ?? null,
    categoryId: f.categoryId ?? null,
    divisionCode: f.divisionCode ?? null,
    address: f.address ?? null,
    lat: f.lat ?? null,
    lng: f.lng ?? null,
    excludeId: f.excludeId ?? null,
    windowDays: f.days ?? s.duplicates.windowDays,
    radiusMetres: s.duplicates.radiusMetres,
    scopes: w.kind === 'unit' ? [''] : w.scopes,
  }
}

export function duplicateUseCases(c: HotlineContext) {
  // Duplicate hints of intakes arriving together go to the database as one statement.
  const duplicateLookup = coalesce((probes: DuplicateProbe[]) => repo.duplicatesMany(c.db.pool, probes))

  async function duplicates(w: HotlineActor, f: DuplicateQuery): Promise<DuplicateCandidate[]> {
    const probe = await duplicateProbe(c, w, f)
    return probe ? duplicateLookup(probe) : []
  }

  return {
    async duplicates(p: Principal, actor: Actor, q: DuplicateQuery) {
      const items = await duplicates(hotlineActorOf(p, actor), q)
      return { items, total: items.length }
    },
  }
}

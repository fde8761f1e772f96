/** Who acts on an order, what they see of it, and the guards of the use cases (role and status). */
import type { OrderStatus } from '@ruyu/contracts/hotline'
import type { Actor } from '../../platform/audit.ts'
import type { Principal } from '../../platform/auth/service.ts'
import { forbidden } from '../../platform/errors.ts'
import { type EngineActor, engineActorOf } from '../workflow/index.ts'
import { statusRefused } from './conflict.ts'
import type { ViewerRole } from './domain.ts'
import { notMainUnit } from './errors.ts'
import type { OrderRow, Visibility } from './repo.ts'

/** Whoever acts on the hotline: a staff member, an integration key, the public form, or the system (seed, timers). */
export interface HotlineActor {
  actor: Actor
  engine: EngineActor
  name: string | null
  /** centre: dispatchers and reviewers (see everything in scope); unit: handling units (their orders only). */
  kind: 'centre' | 'unit' | 'reader'
  userId: string | null
  scopes: string[]
  departmentIds: string[]
  /** The caller as authenticated (absent for the system and seeding): what file access is checked against. */
  principal?: Principal
}

const CENTRE_CAPS = ['hotline:intake', 'hotline:dispatch', 'hotline:review', 'hotline:transfer', 'open311:submit']

/** The hotline's view of a principal. */
export function hotlineActorOf(p: Principal, actor: Actor): HotlineActor {
  const kind = CENTRE_CAPS.some((c) => p.capabilities.has(c))
    ? 'centre'
    : p.capabilities.has('hotline:handle')
      ? 'unit'
      : 'reader'
  return {
    actor,
    engine: engineActorOf(p),
    name: p.displayName,
    kind,
    userId: p.userId,
    scopes: p.scopes,
    departmentIds: p.posts.map((x) => x.departmentId).filter((x): x is string => !!x),
    principal: p,
  }
}

export const visibilityOf = (w: HotlineActor): Visibility =>
  w.kind === 'unit' ? { kind: 'units', departmentIds: w.departmentIds } : { kind: 'scope', scopes: w.scopes }

export function roleOf(o: OrderRow, w: HotlineActor): ViewerRole {
  if (w.kind === 'centre') return 'centre'
  if (w.kind === 'unit') {
    if (o.unitId && w.departmentIds.includes(o.unitId)) return 'main_unit'
    if (o.coUnitIds.some((u) => w.departmentIds.includes(u))) return 'co_unit'
  }
  return 'reader'
}

export const requireCentre = (role: ViewerRole) => {
  if (role !== 'centre') throw forbidden()
}
export const requireMain = (role: ViewerRole, action: string) => {
  if (role === 'co_unit') throw notMainUnit({ action })
  if (role !== 'main_unit') throw forbidden()
}
export const requireStatus = (o: OrderRow, allowed: OrderStatus[], action: string) => {
  if (!allowed.includes(o.status)) throw statusRefused(o, allowed, action)
}

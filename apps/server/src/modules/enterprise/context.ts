/**
 * What the enterprise use-case files (enterprises, accounts, catalogue, requests, board) share: the service's
 * dependencies, the caller's standing towards an enterprise, scope checks and paging.
 */
import type { Principal } from '../../platform/auth/service.ts'
import type { Queryable } from '../../platform/db.ts'
import type { Platform } from '../../platform/platform.ts'
import type { ApprovalService } from '../approval/index.ts'
import type { CatalogService } from '../catalog/index.ts'
import type { DirectoryService } from '../directory/index.ts'
import type { RatingService } from '../rating/index.ts'
import type { WorkflowService } from '../workflow/index.ts'
import { enterpriseNotFound, notVerified } from './errors.ts'
import { enterpriseRepo as repo } from './repo.ts'

export interface EnterpriseDeps {
  platform: Pick<Platform, 'db' | 'events' | 'notifications' | 'auth' | 'config' | 'files' | 'caches'>
  workflow: WorkflowService
  rating: RatingService
  catalog: CatalogService
  approval: ApprovalService
  directory: DirectoryService
}

export type Page = { page: number; pageSize: number }
export const paging = (p: Page) => ({ limit: p.pageSize, offset: (p.page - 1) * p.pageSize })
export const iso = (d: Date | null) => (d ? d.toISOString() : null)

/** A principal's standing towards an enterprise: a member account (verified or not) or nothing. */
export interface Membership {
  uscc: string
  status: 'pending' | 'verified' | 'rejected'
}

export function createEnterpriseContext(deps: EnterpriseDeps) {
  const { db } = deps.platform

  async function membership(p: Principal, q: Queryable = db.pool): Promise<Membership | null> {
    if (p.kind !== 'enterprise' || !p.userId) return null
    const m = await repo.memberOfUser(q, p.userId)
    if (m) return { uscc: m.uscc, status: m.status }
    // Accounts created by staff (admin pages, seed) with a USCC and the enterprise_user role were vetted then.
    if (p.enterpriseUscc && p.roles.includes('enterprise_user')) return { uscc: p.enterpriseUscc, status: 'verified' }
    return null
  }

  /** The caller's own enterprise; 404 without one, 403 while the account awaits verification. */
  async function myUscc(p: Principal): Promise<string> {
    const m = await membership(p)
    if (!m) throw enterpriseNotFound()
    if (m.status !== 'verified') throw notVerified()
    return m.uscc
  }

  const isStaffReader = (p: Principal) => p.kind === 'staff' && p.capabilities.has('enterprise:read')
  const inScope = (p: Principal, division: string) => p.scopes.some((s) => division.startsWith(s))

  return { ...deps, db, membership, myUscc, isStaffReader, inScope }
}

export type EnterpriseContext = ReturnType<typeof createEnterpriseContext>

/**
 * What the policy use-case files (policies, matching, questions) share: the service's dependencies, the caller's
 * enterprise and departments, the rule check and the names explanations use.
 */
import { type Rule, validateRule } from '@ruyu/contracts/policy'
import type { Principal } from '../../platform/auth/service.ts'
import type { Platform } from '../../platform/platform.ts'
import type { CatalogService } from '../catalog/index.ts'
import type { EnterpriseProfile } from '../enterprise/index.ts'
import type { RatingService } from '../rating/index.ts'
import type { WorkflowService } from '../workflow/index.ts'
import { enterpriseOnly, ruleInvalid } from './errors.ts'
import { policyRepo as repo } from './repo.ts'
import type { Names } from './rules.ts'

/** What policy needs from the enterprise module (its public service satisfies this). */
export interface EnterpriseDirectory {
  profile(uscc: string): Promise<EnterpriseProfile | null>
  profilesPage(opts: {
    afterUscc: string | null
    limit: number
  }): Promise<EnterpriseProfile[] | { items: EnterpriseProfile[] }>
  userIdsOf(uscc: string): Promise<string[]>
  /** Optional bulk form (one query for many enterprises). */
  userIdsOfMany?(usccs: string[]): Promise<Map<string, string[]>>
  /** The caller's standing towards its enterprise (verified accounts act for it). */
  membership?(p: Principal): Promise<{ uscc: string; status: string } | null>
}

export interface PolicyDeps {
  platform: Platform
  workflow: WorkflowService
  rating: RatingService
  catalog: CatalogService
  enterprise: EnterpriseDirectory
}

/** A snapshot older than this is reloaded before bulk matching (profile changes keep it fresh in-process). */
export const SNAPSHOT_TTL_MS = 10 * 60_000

export const iso = (d: Date | null) => (d ? d.toISOString() : null)
export const isAdmin = (p: Principal) => p.roles.includes('admin')
export const departmentsOf = (p: Principal) => p.posts.map((x) => x.departmentId).filter((x): x is string => !!x)

/** Throws POLICY_RULE_INVALID naming every bad part by its path. */
export function checkRule(raw: unknown, base = 'rule'): Rule {
  const r = validateRule(raw, base)
  if (r.ok) return r.rule
  throw ruleInvalid(
    { issues: r.issues.map((i) => `${i.path}: ${i.message}`).join('；') },
    { issues: r.issues, fields: Object.fromEntries(r.issues.map((i) => [i.path, i.message])) },
  )
}

export function createPolicyContext(deps: PolicyDeps) {
  const { platform, catalog, enterprise } = deps
  const { db } = platform

  // --- names for explanations -----------------------------------------------------------------------------------
  let namesCache: { names: Names; at: number } | null = null
  async function names(): Promise<Names> {
    if (namesCache && Date.now() - namesCache.at < SNAPSHOT_TTL_MS) return namesCache.names
    const divisions = await repo.divisionNames(db.pool)
    const parks = new Map((await catalog.listParks()).items.map((p) => [p.code, p.name] as [string, string]))
    const n: Names = { division: (c) => divisions.get(c), park: (c) => parks.get(c) }
    namesCache = { names: n, at: Date.now() }
    return n
  }

  /** The enterprise a verified enterprise account acts for; anyone else gets 404 (nothing of theirs here). */
  async function usccOf(p: Principal): Promise<string> {
    if (p.kind !== 'enterprise') throw enterpriseOnly()
    if (enterprise.membership) {
      const m = await enterprise.membership(p)
      if (m?.status !== 'verified') throw enterpriseOnly()
      return m.uscc
    }
    if (!p.enterpriseUscc) throw enterpriseOnly()
    return p.enterpriseUscc
  }

  return { ...deps, db, names, usccOf }
}

export type PolicyContext = ReturnType<typeof createPolicyContext>

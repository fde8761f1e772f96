/** 惠企政策: policies with structured eligibility, fast explainable matching and push, interpretations, Q&A, FAQs. */
import type { Platform } from '../../platform/platform.ts'
import type { CatalogService } from '../catalog/index.ts'
import { PROFILES_TOPIC } from '../enterprise/index.ts'
import type { RatingService } from '../rating/index.ts'
import type { WorkflowService } from '../workflow/index.ts'
import { createPolicyService, type EnterpriseDirectory } from './service.ts'

/** File-link subject type of a policy's attachments (app.ts registers who may read them). */
export { POLICY_FILE_SUBJECT } from './attachments.ts'
/** Workflow subject type and definition key of policy questions; outbox event names of this module. */
export { EVENTS as POLICY_EVENTS, QUESTION_DEFINITION, QUESTION_SUBJECT } from './domain.ts'
/** Columnar profile snapshot and rule compiler (benchmarks; other modules do not need them). */
export { type Bitset, type CompiledRule, compile, ProfileSnapshot, popcount, rowsOf } from './matcher.ts'
/** Staff and enterprise routes (/api/policy) and anonymous read routes (/api/public/policies). */
export { policyPublicRoutes, policyRoutes } from './routes.ts'
/** Reference evaluator, explanations and the rule in words. */
export { evaluate, explain, type MatchProfile, ruleText } from './rules.ts'
/** Demo policies, interpretations, matches and Q&A threads (idempotent). */
export { type PolicySeedReport, seedPolicy } from './seed.ts'
/**
 * The policy service: policies (create, publish, expire), matching (`matchPolicy`, `onProfileChanged`,
 * `rematchAll`, `preview`), the enterprise's matched policies, Q&A on the workflow engine, FAQs.
 */
export { checkRule, createPolicyService, type EnterpriseDirectory, type PolicyService } from './service.ts'

/**
 * Creates the policy service and registers its outbox subscribers (publish → match and push in the background;
 * `enterprise.profile.changed` → re-evaluate that profile) and the daily expiry sweep (workers only).
 */
export function createPolicy(
  platform: Platform,
  deps: { workflow: WorkflowService; rating: RatingService; catalog: CatalogService; enterprise: EnterpriseDirectory },
) {
  const service = createPolicyService({ platform, ...deps })
  service.subscribe()
  // A profile changed on any node: the matching snapshot (rule preview, matching) reloads on its next use.
  platform.caches.onInvalidate(PROFILES_TOPIC, () => service.invalidateSnapshot())
  platform.addWorker(async (jobs) => {
    await jobs.work('policy.expire-sweep', async () => {
      await service.expireDue()
    })
    await jobs.schedule('policy.expire-sweep', '5 0 * * *')
  })
  return service
}

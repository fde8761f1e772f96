/**
 * The policy service: the outbox subscribers and the workflow definition, composed with the use-case files
 * (policies, matching, questions) that share one context.
 */
import type { Actor } from '../../platform/audit.ts'
import type { Tx } from '../../platform/db.ts'
import { createPolicyContext, type PolicyDeps } from './context.ts'
import { EVENTS, questionSpec } from './domain.ts'
import { createMatching } from './matching.ts'
import { createPolicies } from './policies.ts'
import { createQuestions } from './questions.ts'

export { checkRule, type EnterpriseDirectory, type PolicyDeps } from './context.ts'

/** Policies, matching and push, interpretations, Q&A and FAQs. */
export function createPolicyService(deps: PolicyDeps) {
  const ctx = createPolicyContext(deps)
  const { platform, workflow } = ctx
  const matching = createMatching(ctx)

  return {
    /** Publishes the Q&A workflow definition (idempotent; called at seed and before first use). */
    async ensureDefinitions(tx: Tx, actor: Actor) {
      await workflow.publish(tx, questionSpec, actor)
    },

    /** Registers the outbox subscribers (publish → match and push; profile changed → re-evaluate; rematch). */
    subscribe() {
      platform.events.subscribe(EVENTS.published, async (e, tx) => {
        await matching.matchPolicy(tx, String(e.payload.id))
      })
      platform.events.subscribe(EVENTS.ruleChanged, async (e, tx) => {
        await matching.matchPolicy(tx, String(e.payload.id))
      })
      platform.events.subscribe(EVENTS.rematchRequested, async (_e, tx) => {
        await this.rematchAll(tx)
      })
      platform.events.subscribe('enterprise.profile.changed', async (e, tx) => {
        await matching.onProfileChanged(tx, String(e.payload.uscc))
      })
    },

    ...createPolicies(ctx),
    ...createQuestions(ctx),
    // --- matching, and its internals exposed for jobs, seeds, tests and the benchmark -------------------------
    ...matching,
  }
}

export type PolicyService = ReturnType<typeof createPolicyService>

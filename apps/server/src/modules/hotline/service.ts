import {
  type CreateCategory,
  type CreateRoutingRule,
  type HotlineSettings,
  HotlineSettingsSchema,
} from '@ruyu/contracts/hotline'
import type { Actor } from '../../platform/audit.ts'
import type { Tx } from '../../platform/db.ts'
import { categoryUseCases, createCategoryIn } from './categories.ts'
import { createHotlineContext, type HotlineDeps } from './context.ts'
import { DEFAULT_SETTINGS, mergeSettings, orderSpec, SETTINGS_KEY, SUBJECT } from './domain.ts'
import { duplicateUseCases } from './duplicates.ts'
import { handlingUseCases } from './handling.ts'
import { intakeUseCases } from './intake.ts'
import { createIntakeWriter } from './intake-batch.ts'
import { knowledgeUseCases } from './knowledge.ts'
import { publicUseCases } from './public.ts'
import { queryUseCases } from './queries.ts'
import { reviewUseCases } from './review.ts'
import { createRuleIn, routingUseCases } from './routing.ts'
import { supervisionUseCases } from './supervision.ts'
import { registerTimers } from './timers.ts'
import { triageUseCases } from './triage.ts'

export { type HotlineActor, hotlineActorOf } from './actor.ts'
export type { HotlineDeps } from './context.ts'
export type { IntakeOutcome } from './intake-batch.ts'

/**
 * The 12345 hotline: intake from every channel, dispatch, unit handling, centre review, follow-up, statistics.
 * One object over the use-case files; they share the context (context.ts) made here.
 */
export function createHotlineService(deps: HotlineDeps) {
  const c = createHotlineContext(deps)
  const { platform, workflow } = deps

  // The centre reads every order's progress tree; a unit only trees it took part in.
  workflow.readableBy(SUBJECT, 'hotline:dispatch')
  workflow.ownedBy(SUBJECT, 'hotline')
  registerTimers(c)

  const intakes = createIntakeWriter(c)
  const knowledge = knowledgeUseCases(c)

  return {
    /** Publishes the work-order workflow definition (seed, idempotent). */
    async ensureDefinitions(tx: Tx, actor: Actor) {
      await workflow.publish(tx, orderSpec, actor)
    },

    /** Locality settings (time limits, duplicate window, statistics formulas) over the Shandong defaults. */
    settings: () => c.settings(),
    async updateSettings(actor: Actor, patch: Partial<HotlineSettings>) {
      const next = mergeSettings({ ...(await c.settings()), ...patch })
      HotlineSettingsSchema.parse(next)
      await platform.settings.set(actor, SETTINGS_KEY, next)
      return next
    },
    DEFAULT_SETTINGS,

    ...intakeUseCases(c, intakes),
    ...publicUseCases(c, intakes),
    ...queryUseCases(c),
    ...duplicateUseCases(c),
    ...triageUseCases(c),
    ...handlingUseCases(c),
    ...reviewUseCases(c),
    ...supervisionUseCases(c),
    ...categoryUseCases(c),
    ...routingUseCases(c),
    ...knowledge,

    /** Internal pieces the seed uses (categories, rules, articles) inside its transaction. */
    seedApi: {
      createCategory: (tx: Tx, actor: Actor, input: CreateCategory) => createCategoryIn(c, tx, actor, input),
      createRule: (tx: Tx, actor: Actor, input: CreateRoutingRule) => createRuleIn(c, tx, actor, input),
      saveArticle: knowledge.saveArticle,
    },
  }
}

export type HotlineService = ReturnType<typeof createHotlineService>

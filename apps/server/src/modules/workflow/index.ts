import type { Platform } from '../../platform/platform.ts'
import { TIMER_QUEUE, type WorkflowService } from './service.ts'

/** Definition types for modules that publish workflows. */
export type { ActionSpec, BranchData, Duration, EngineActor, StateSpec, WorkflowSpec } from './domain.ts'
/** Deadline arithmetic of the engine (working days on the PRC calendar or calendar hours), for modules' own checks. */
export { computeDeadline, cstDate, endOfCstDay, validateSpec } from './domain.ts'
export type { InstanceRow } from './repo.ts'
/** Workflow routes (worklist, instance detail with available actions, act). */
export { canSee, workflowRoutes } from './routes.ts'
/** The one workflow engine: versioned definitions, parallel branches with joins, SLA clocks, durable timers. */
export { createWorkflowService, engineActorOf, type SignalHandler, type WorkflowService } from './service.ts'

/**
 * Registers the SLA timer worker (runs where pg-boss workers run): timers fetched together fire in a few shared
 * transactions; a re-delivered job has no second effect.
 */
export function registerWorkflowWorkers(platform: Platform, service: WorkflowService) {
  platform.addWorker((jobs) =>
    jobs.workMany(TIMER_QUEUE, (list) =>
      service.handleTimers(list.map((j) => ({ job: j.data as never, jobId: j.id }))),
    ),
  )
}

import type { Platform } from '../../platform/platform.ts'
import type { DirectoryService } from '../directory/index.ts'
import type { WorkflowService } from '../workflow/index.ts'
import { createHotlineService } from './service.ts'

/** Workflow subject type of orders and the definition key. */
export { ORDER_DEFINITION, SUBJECT } from './domain.ts'
/** Open311 GeoReport v2 (public standard API, JSON + XML) over the hotline; register with prefix /open311. */
export { open311Routes } from './open311.ts'
/** 12345 hotline routes: staff (/api/hotline) and anonymous (/api/public/hotline). */
export { hotlinePublicRoutes, hotlineRoutes } from './routes.ts'
/** A realistic year of scenario orders straight into the hotline tables (`ruyu seed hotline`); deterministic per seed. */
export {
  generateHotlineScenario,
  type ScenarioOptions,
  type ScenarioReport,
  seedDemoScenario,
} from './scenario.ts'
/** Demo reference data: category tree, routing rules, knowledge base, a few live orders (idempotent). */
export { seedHotline } from './seed.ts'
/**
 * The hotline service. Stable API for other modules (Open311):
 * - `intake(actor, input, opts)` takes an order in from any channel (validates, starts its workflow, numbers it);
 * - `listPublicOrders(filter)` / `getPublicOrder(id)` give orders in their public form (no caller data);
 * - `categories()` lists the active categories (code = Open311 service_code);
 * - `hotlineActorOf(principal, actor)` turns a request's principal into the actor `intake` expects.
 */
export {
  createHotlineService,
  type HotlineActor,
  type HotlineDeps,
  type HotlineService,
  hotlineActorOf,
  type IntakeOutcome,
} from './service.ts'

/** Creates the hotline service on the platform and the workflow engine (registers its timer signals). */
export function createHotline(
  platform: Platform,
  workflow: WorkflowService,
  directory: Pick<DirectoryService, 'divisionName' | 'unitRefs'>,
) {
  return createHotlineService({ platform, workflow, directory })
}

/**
 * 12345 hotline (接诉即办) contracts: intake (operator, public form, upstream transfer, Open311), the work-order
 * lifecycle actions, categories, routing rules, knowledge base, tracking and statistics. Shared by the server's
 * route schemas and the web forms. See docs/hotline.md for the states and the API list.
 *
 * The schemas live in hotline/ by topic; this file keeps `@ruyu/contracts/hotline` the one import path.
 */

export * from './hotline/enums.ts'
export * from './hotline/intake.ts'
export * from './hotline/orders.ts'
export * from './hotline/public.ts'
export * from './hotline/routing.ts'
export * from './hotline/settings.ts'
// Kept here too for the callers that know them as hotline rules.
export { CN_LANDLINE, isCnPhone } from './identifiers.ts'

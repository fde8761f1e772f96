/** Theme approval: one-window intake, combined form, 容缺, zone-assessment reuse, parallel review, 四证齐发, rating. */
export { approvalRoutes } from './routes.ts'
/** Creates the approval service and registers its workflow signal handlers. */
export { type ApprovalDeps, type ApprovalService, createApprovalService, SUBJECT } from './service.ts'

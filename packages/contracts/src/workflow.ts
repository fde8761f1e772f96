import { z } from 'zod'

export const SlaStatusSchema = z.enum(['on_track', 'warning', 'overdue', 'paused', 'done'])

export const WorklistItemSchema = z.object({
  taskId: z.string(),
  instanceId: z.string(),
  rootId: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  title: z.string(),
  branchName: z.string().nullable(),
  taskName: z.string(),
  createdAt: z.string(),
  dueAt: z.string().nullable(),
  sla: SlaStatusSchema,
})
export type WorklistItem = z.infer<typeof WorklistItemSchema>

/** The filters of 我的待办, for its export: time-limit status, subject type, text in the title or step. */
export const TaskExportQuerySchema = z
  .object({
    sla: SlaStatusSchema.optional(),
    type: z
      .string()
      .regex(/^[a-z_]{2,40}$/)
      .optional(),
    q: z.string().trim().max(50).optional(),
  })
  // The export takes only the worklist's filters: an unknown parameter is a mistake worth a 400.
  .strict()
export type TaskExportQuery = z.infer<typeof TaskExportQuerySchema>

export const AvailableActionSchema = z.object({ key: z.string(), name: z.string(), requireComment: z.boolean() })

export const WorkflowNodeSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  title: z.string(),
  branch: z.record(z.string(), z.unknown()).nullable(),
  state: z.string(),
  stateName: z.string(),
  status: z.string(),
  outcome: z.string().nullable(),
  version: z.number(),
  startedAt: z.string(),
  dueAt: z.string().nullable(),
  dueProvisional: z.boolean(),
  completedAt: z.string().nullable(),
  pausedAt: z.string().nullable(),
  sla: SlaStatusSchema,
  usedWorkdays: z.number(),
  openTasks: z.array(z.object({ id: z.string(), name: z.string(), dueAt: z.string().nullable() })),
  actions: z.array(AvailableActionSchema),
})
export const WorkflowHistorySchema = z.object({
  id: z.number(),
  instanceId: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  action: z.string(),
  /** The definition's name of the action and of the state it led to (null for engine steps like `start`). */
  actionName: z.string().nullable(),
  toStateName: z.string().nullable(),
  actorKind: z.string(),
  /** The person's display name (the login name only for non-person actors such as API keys). */
  actorName: z.string().nullable(),
  comment: z.string().nullable(),
  attachments: z.array(z.unknown()),
  at: z.string(),
})
export const WorkflowTreeSchema = z.object({
  rootId: z.string(),
  /**
   * What the process is about; `module` names the module owning its actions (a 12345 order, a service request),
   * which are then taken on that module's page, never through the generic process page.
   */
  subject: z.object({ type: z.string(), id: z.string(), module: z.string().nullable() }).nullable(),
  nodes: z.array(WorkflowNodeSchema),
  history: z.array(WorkflowHistorySchema),
})
export type WorkflowTree = z.infer<typeof WorkflowTreeSchema>

export const ActParamsSchema = z.object({ id: z.uuid(), action: z.string().regex(/^[a-z_]{2,40}$/) })
export const ActBodySchema = z.object({
  comment: z.string().trim().max(2000).optional(),
  attachments: z.array(z.uuid()).max(20).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  expectedVersion: z.number().int().min(1).optional(),
})
export type ActBody = z.infer<typeof ActBodySchema>

export const DefinitionSummarySchema = z.object({
  id: z.string(),
  key: z.string(),
  version: z.number(),
  name: z.string(),
  createdAt: z.string(),
})

import { IdParamsSchema, PageQuerySchema, pageOf } from '@ruyu/contracts/common'
import {
  ActBodySchema,
  ActParamsSchema,
  DefinitionSummarySchema,
  TaskExportQuerySchema,
  WorkflowTreeSchema,
  WorklistItemSchema,
} from '@ruyu/contracts/workflow'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Principal } from '../../platform/auth/service.ts'
import { inScope } from '../../platform/http/access.ts'
import { langOf } from '../../platform/http/error-handler.ts'
import { collectPages, sendWorkbook, tableWorkbook } from '../../platform/table-export.ts'
import { instanceNotFound, moduleRouteRequired } from './errors.ts'
import type { InstanceRow } from './repo.ts'
import type { WorkflowService } from './service.ts'
import { filterTasks, TASK_EXPORT_COLUMNS } from './task-export.ts'

/**
 * Who may look at an instance tree: its applicant; staff whose scope covers its division and who either hold the
 * read capability its module declared for the subject (or audit:read), or took part in it (a task of the tree was
 * assigned to their department or role). Others get 404: a bank's staff never read a hotline order's progress.
 */
export async function canSee(service: WorkflowService, p: Principal, root: InstanceRow): Promise<boolean> {
  if (root.applicantId && p.userId === root.applicantId) return true
  if (p.kind !== 'staff' || !inScope(p, root.divisionCode)) return false
  const reader = service.readCapabilityOf(root.subjectType)
  if (p.capabilities.has('audit:read') || (reader && p.capabilities.has(reader))) return true
  return service.participates(p, root.id)
}

/** Workflow HTTP routes under /api/workflow: worklist, instance detail with available actions, act. */
export function workflowRoutes(service: WorkflowService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    const tags = ['workflow']

    async function visibleRoot(p: Principal, id: string) {
      const inst = await service.instance(id)
      const root = inst && (inst.rootId === inst.id ? inst : await service.instance(inst.rootId))
      if (!root || !(await canSee(service, p, root))) throw instanceNotFound()
      return root
    }

    r.get(
      '/tasks',
      {
        config: { access: 'authenticated' },
        schema: { tags, querystring: PageQuerySchema, response: { 200: pageOf(WorklistItemSchema) } },
      },
      async (req) =>
        service.worklist(req.principal!, {
          limit: req.query.pageSize,
          offset: (req.query.page - 1) * req.query.pageSize,
        }),
    )
    r.get(
      '/tasks/export',
      // The caller's own open tasks with the page's filters, soonest deadline first, as .xlsx.
      { config: { access: 'authenticated' }, schema: { tags, querystring: TaskExportQuerySchema } },
      async (req, reply) => {
        const all = await collectPages((page, pageSize) =>
          service.worklist(req.principal!, { limit: pageSize, offset: (page - 1) * pageSize }),
        )
        const items = filterTasks(all.items, req.query)
        const rows = { items, total: items.length + (all.total - all.items.length), truncated: all.truncated }
        const lang = langOf(req)
        const buf = await tableWorkbook(lang === 'en' ? 'My tasks' : '我的待办', TASK_EXPORT_COLUMNS, rows, lang)
        return sendWorkbook(req, reply, buf, {
          ascii: 'my-tasks',
          name: '我的待办',
          resource: 'workflow_task',
          rows: rows.items.length,
          filters: req.query,
        })
      },
    )
    r.get(
      '/instances/:id',
      {
        config: { access: 'authenticated' },
        schema: { tags, params: IdParamsSchema, response: { 200: WorkflowTreeSchema } },
      },
      async (req) => {
        const root = await visibleRoot(req.principal!, req.params.id)
        const tree = await service.tree(req.principal, root.id)
        // The generic endpoint refuses a module-owned subject's actions, so none are offered here either.
        if (tree.subject?.module) for (const n of tree.nodes) n.actions = []
        return tree
      },
    )
    r.post(
      '/instances/:id/actions/:action',
      {
        config: { access: 'authenticated' },
        schema: { tags, params: ActParamsSchema, body: ActBodySchema, response: { 200: WorkflowTreeSchema } },
      },
      async (req) => {
        const root = await visibleRoot(req.principal!, req.params.id)
        // Owned subjects (hotline orders, service requests) have side effects and routing only their module may apply.
        const module = service.ownerOf(root.subjectType)
        if (module) throw moduleRouteRequired({ module })
        const { comment, attachments, data, expectedVersion } = req.body
        const input = { comment, attachments, data, expectedVersion, origin: 'caller' as const }
        await service.act(req.principal!, req.actor, req.params.id, req.params.action, input, req.id)
        return service.tree(req.principal, root.id)
      },
    )
    r.get(
      '/definitions',
      {
        config: { access: 'catalog:read' },
        schema: { tags, response: { 200: z.object({ items: z.array(DefinitionSummarySchema) }) } },
      },
      async () => ({
        items: (await service.definitions()).map(({ spec: _s, ...d }) => d),
      }),
    )
    r.get(
      '/definitions/:key',
      {
        config: { access: 'catalog:read' },
        schema: { tags, params: z.object({ key: z.string().regex(/^[a-z0-9_.-]{2,60}$/) }) },
      },
      async (req) => service.definition(req.params.key),
    )
  }
}

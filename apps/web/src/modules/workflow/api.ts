import type { WorkflowTree, WorklistItem } from '@ruyu/contracts/workflow'
import { download, http, type Page } from '../../shared/request'

export type { WorkflowTree, WorklistItem } from '@ruyu/contracts/workflow'

export type WorkflowNode = WorkflowTree['nodes'][number]
export type WorkflowHistoryEntry = WorkflowTree['history'][number]
export type AvailableAction = WorkflowNode['actions'][number]
export type SlaStatus = WorklistItem['sla']

/** The branch data a parallel branch carries (a department's part of a theme case, or a 差评 rectification). */
export interface BranchInfo {
  key: string
  name: string
  departmentId?: string
  departmentCode?: string
  stageNo?: number
  items?: { code: string; name: string; committedDays: number; certificate: string | null }[]
  sla?: { amount: number; unit: 'workday' | 'hour' }
}

/** The node's branch, typed (the contract keeps it an open record because each module puts its own data there). */
export function branchOf(node: WorkflowNode): BranchInfo | null {
  return (node.branch as BranchInfo | null) ?? null
}

export interface ActInput {
  comment?: string
  attachments?: string[]
  /** The node version the user saw; the server answers 409 WORKFLOW_CONFLICT when someone acted in between. */
  expectedVersion?: number
}

/** The caller's open tasks, soonest deadline first (the whole list: a worklist is short). */
export function listTasks(signal?: AbortSignal): Promise<Page<WorklistItem>> {
  return http.get<Page<WorklistItem>>('/api/workflow/tasks', { page: 1, pageSize: 200 }, signal)
}

/** 我的待办 with the page's filters as .xlsx. */
export function exportTasks(filters: { q?: string; sla?: string; type?: string }): Promise<void> {
  return download('/api/workflow/tasks/export', filters, 'my-tasks.xlsx')
}

/** An instance tree (root, branches, history, the actions the caller may take now). */
export function getInstance(id: string, signal?: AbortSignal): Promise<WorkflowTree> {
  return http.get<WorkflowTree>(`/api/workflow/instances/${encodeURIComponent(id)}`, undefined, signal)
}

/** Takes an action on a node; resolves to the whole tree as it is afterwards. */
export function act(nodeId: string, action: string, input: ActInput): Promise<WorkflowTree> {
  return http.post<WorkflowTree>(
    `/api/workflow/instances/${encodeURIComponent(nodeId)}/actions/${encodeURIComponent(action)}`,
    input,
  )
}

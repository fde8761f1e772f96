import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ActInput, act, getInstance, listTasks } from './api'

export const workflowKeys = {
  root: ['workflow'] as const,
  tasks: () => ['workflow', 'tasks'] as const,
  instance: (id: string) => ['workflow', 'instance', id] as const,
}

/** My worklist (待办); refreshed every minute while open so the SLA tags stay current. */
export function useTasks() {
  return useQuery({
    queryKey: workflowKeys.tasks(),
    queryFn: ({ signal }) => listTasks(signal),
    refetchInterval: 60_000,
  })
}

export function useInstance(id: string | undefined) {
  return useQuery({
    queryKey: workflowKeys.instance(id ?? ''),
    queryFn: ({ signal }) => getInstance(id ?? '', signal),
    enabled: Boolean(id),
  })
}

/** Takes a workflow action; the worklist and every cached instance are stale afterwards. */
export function useAct() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (v: { nodeId: string; action: string; input: ActInput }) => act(v.nodeId, v.action, v.input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workflowKeys.root }),
  })
}

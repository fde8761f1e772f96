import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  addInterpretation,
  answerQuestion,
  askQuestion,
  createPolicy,
  expirePolicy,
  getMyPolicy,
  getPolicy,
  getPublicPolicy,
  listDepartments,
  listEnterprisePolicies,
  listMatches,
  listMyPolicies,
  listMyQuestions,
  listPolicies,
  listPublicPolicies,
  listQuestions,
  markPolicyRead,
  type PolicyDetail,
  type PolicyQuery,
  previewRule,
  publishFaq,
  publishPolicy,
  type QuestionStatus,
  type Rule,
  rateAnswer,
  type SaveInterpretation,
  type SavePolicy,
  updatePolicy,
} from './api'

const root = ['policy'] as const

export const policyKeys = {
  root,
  policies: () => [...root, 'policies'] as const,
  policy: (id: string) => [...root, 'policy', id] as const,
  mine: () => [...root, 'mine'] as const,
  questions: () => [...root, 'questions'] as const,
}

// Library and staff lists ----------------------------------------------------------------------------------------

/** Published policies (everyone) or all incl. drafts (staff with policy:read: `staff`). */
export function usePolicies(query: PolicyQuery, staff: boolean) {
  return useQuery({
    queryKey: [...policyKeys.policies(), staff ? 'staff' : 'public', query],
    queryFn: ({ signal }) => (staff ? listPolicies(query, signal) : listPublicPolicies(query, signal)),
    placeholderData: keepPreviousData,
  })
}

/**
 * One policy as the caller may see it: staff get the rule JSON, enterprises their match reasons (`myMatch`),
 * anyone else the public view.
 */
export function usePolicy(id: string | undefined, view: 'staff' | 'mine' | 'public') {
  return useQuery({
    queryKey: [...policyKeys.policy(id ?? ''), view],
    queryFn: ({ signal }) =>
      view === 'staff'
        ? getPolicy(id ?? '', signal)
        : view === 'mine'
          ? getMyPolicy(id ?? '', signal)
          : getPublicPolicy(id ?? '', signal),
    enabled: Boolean(id),
  })
}

export function useSavePolicy() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (vars: { id?: string | undefined; input: SavePolicy & { expectedVersion?: number } }) =>
      vars.id ? updatePolicy(vars.id, vars.input) : createPolicy(vars.input),
    onSuccess: (policy: PolicyDetail) => {
      queryClient.setQueryData([...policyKeys.policy(policy.id), 'staff'], policy)
      void queryClient.invalidateQueries({ queryKey: policyKeys.policies() })
    },
  })
}

export function usePolicyAction() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (vars: { id: string; action: 'publish' | 'expire' }) =>
      vars.action === 'publish' ? publishPolicy(vars.id) : expirePolicy(vars.id),
    onSuccess: (_policy, vars) => {
      void queryClient.invalidateQueries({ queryKey: policyKeys.policy(vars.id) })
      void queryClient.invalidateQueries({ queryKey: policyKeys.policies() })
    },
  })
}

export function useMatches(id: string | undefined, page: number, pageSize = 10) {
  return useQuery({
    queryKey: [...policyKeys.policy(id ?? ''), 'matches', page, pageSize],
    queryFn: ({ signal }) => listMatches(id ?? '', { page, pageSize }, signal),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  })
}

export function useAddInterpretation(policyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: SaveInterpretation) => addInterpretation(policyId, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: policyKeys.policy(policyId) }),
  })
}

/** Live preview of a rule: how many enterprises match now, with examples (the caller debounces the rule). */
export function useRulePreview(rule: Rule | null, enabled: boolean) {
  const key = rule ? JSON.stringify(rule) : ''
  return useQuery({
    queryKey: [...root, 'preview', key],
    queryFn: ({ signal }) => previewRule(rule as Rule, signal),
    enabled: enabled && Boolean(rule),
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  })
}

export function useDepartments() {
  return useQuery({
    queryKey: [...root, 'departments'],
    queryFn: ({ signal }) => listDepartments(signal),
    staleTime: 10 * 60_000,
  })
}

// The enterprise's inbox -----------------------------------------------------------------------------------------

export function useMyPolicies(query: { page: number; pageSize: number; unreadOnly?: boolean }, enabled = true) {
  return useQuery({
    queryKey: [...policyKeys.mine(), 'policies', query],
    queryFn: ({ signal }) => listMyPolicies(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useMarkPolicyRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => markPolicyRead(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: policyKeys.mine() }),
  })
}

// Q&A ------------------------------------------------------------------------------------------------------------

export function useAskQuestion(policyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (question: string) => askQuestion(policyId, question),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: policyKeys.mine() })
      void queryClient.invalidateQueries({ queryKey: policyKeys.questions() })
    },
  })
}

export function useMyQuestions(query: { page: number; pageSize: number; status?: QuestionStatus }, enabled = true) {
  return useQuery({
    queryKey: [...policyKeys.mine(), 'questions', query],
    queryFn: ({ signal }) => listMyQuestions(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useQuestions(query: { page: number; pageSize: number; status?: QuestionStatus | undefined }) {
  return useQuery({
    queryKey: [...policyKeys.questions(), query],
    queryFn: ({ signal }) => listQuestions(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  })
}

function useQuestionMutation<V>(fn: (vars: V) => Promise<unknown>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: policyKeys.questions() })
      void queryClient.invalidateQueries({ queryKey: policyKeys.mine() })
      void queryClient.invalidateQueries({ queryKey: [...root, 'policy'] })
    },
  })
}

export function useAnswerQuestion() {
  return useQuestionMutation((vars: { id: string; answer: string }) => answerQuestion(vars.id, vars.answer))
}

export function useRateAnswer() {
  return useQuestionMutation(
    (vars: { id: string; level: 1 | 2 | 3 | 4 | 5; comment?: string | null; reasons?: string[] }) =>
      rateAnswer(vars.id, {
        level: vars.level,
        comment: vars.comment ?? null,
        ...(vars.reasons ? { reasons: vars.reasons } : {}),
      }),
  )
}

export function usePublishFaq() {
  return useQuestionMutation((vars: { id: string; question?: string; answer?: string }) =>
    publishFaq(vars.id, { question: vars.question, answer: vars.answer }),
  )
}

/** The policies one enterprise matched, with the reasons (staff 画像). */
export function useEnterpriseMatches(uscc: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...root, 'enterprise-matches', uscc],
    enabled: enabled && Boolean(uscc),
    staleTime: 60_000,
    queryFn: async ({ signal }) => (await listEnterprisePolicies(uscc ?? '', signal)).items,
  })
}

/**
 * Departments to filter the library by. Staff read the directory; enterprises may not (403), so for them the
 * departments are collected from the published policies (docs/policy.md, request 3).
 */
export function useDepartmentOptions(canReadDirectory: boolean) {
  const directory = useQuery({
    queryKey: [...root, 'departments'],
    queryFn: ({ signal }) => listDepartments(signal),
    staleTime: 10 * 60_000,
    enabled: canReadDirectory,
  })
  const fromPolicies = useQuery({
    queryKey: [...root, 'departments', 'from-policies'],
    queryFn: async ({ signal }) => {
      const page = await listPublicPolicies({ page: 1, pageSize: 200 }, signal)
      const seen = new Map<string, string>()
      for (const p of page.items) seen.set(p.departmentId, p.departmentName)
      return [...seen].map(([id, name]) => ({ id, name }))
    },
    staleTime: 10 * 60_000,
    enabled: !canReadDirectory,
  })
  return canReadDirectory
    ? {
        isPending: directory.isPending,
        options: (directory.data?.items ?? []).map((d) => ({ id: d.id, name: d.name })),
      }
    : { isPending: fromPolicies.isPending, options: fromPolicies.data ?? [] }
}

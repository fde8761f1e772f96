import type {
  Comparison,
  Faq,
  Interpretation,
  InterpretationKind,
  NumericField,
  PolicyDetail,
  PolicyLevel,
  PolicyStatus,
  PolicySummary,
  Question,
  QuestionStatus,
  Rule,
  RulePreviewResult,
  SaveInterpretation,
  SavePolicy,
} from '@ruyu/contracts/policy'
import { http, type Page, request } from '../../shared/request'

export type {
  Comparison,
  Faq,
  Interpretation,
  InterpretationKind,
  NumericField,
  PolicyDetail,
  PolicyLevel,
  PolicyStatus,
  PolicySummary,
  Question,
  QuestionStatus,
  Rule,
  RulePreviewResult,
  SaveInterpretation,
  SavePolicy,
}

// Enumerations as plain arrays typed against the contract (the pages do not load zod).
export const POLICY_LEVEL_LIST = [
  'national',
  'provincial',
  'city',
  'district',
] as const satisfies readonly PolicyLevel[]
export const POLICY_STATUS_LIST = ['draft', 'published', 'expired'] as const satisfies readonly PolicyStatus[]
export const INTERPRETATION_KIND_LIST = [
  'leader',
  'onsite',
  'video',
  'graphic',
] as const satisfies readonly InterpretationKind[]
export const QUESTION_STATUS_LIST = ['open', 'answered'] as const satisfies readonly QuestionStatus[]

/** One matched policy of the caller's enterprise, with why it matched. */
export interface MyPolicy {
  policy: PolicySummary
  reasons: string[]
  matchedAt: string
  readAt: string | null
  /** Set when the enterprise no longer qualifies (its profile or the rule changed); why in withdrawnReasons. */
  withdrawnAt: string | null
  withdrawnReasons: string[]
}

export interface PolicyMatch {
  uscc: string
  name: string
  reasons: string[]
  matchedAt: string
  readAt: string | null
}

export interface PolicyQuery {
  page: number
  pageSize: number
  q?: string | undefined
  status?: PolicyStatus | undefined
  level?: PolicyLevel | undefined
  departmentId?: string | undefined
}

export interface DepartmentOption {
  id: string
  code: string
  name: string
  shortName: string | null
  kind: string
}

const base = '/api/policy'
const enc = encodeURIComponent

// Library (public read; logged-in users see the same published policies) -----------------------------------------

export function listPublicPolicies(query: PolicyQuery, signal?: AbortSignal): Promise<Page<PolicySummary>> {
  return http.get<Page<PolicySummary>>('/api/public/policies', query, signal)
}

export function getPublicPolicy(id: string, signal?: AbortSignal): Promise<PolicyDetail> {
  return http.get<PolicyDetail>(`/api/public/policies/${enc(id)}`, undefined, signal)
}

// Staff ----------------------------------------------------------------------------------------------------------

export function listPolicies(query: PolicyQuery, signal?: AbortSignal): Promise<Page<PolicySummary>> {
  return http.get<Page<PolicySummary>>(`${base}/policies`, query, signal)
}

export function getPolicy(id: string, signal?: AbortSignal): Promise<PolicyDetail> {
  return http.get<PolicyDetail>(`${base}/policies/${enc(id)}`, undefined, signal)
}

export function createPolicy(input: SavePolicy): Promise<PolicyDetail> {
  return http.post<PolicyDetail>(`${base}/policies`, input)
}

export function updatePolicy(id: string, input: SavePolicy & { expectedVersion?: number }): Promise<PolicyDetail> {
  return http.put<PolicyDetail>(`${base}/policies/${enc(id)}`, input)
}

export function publishPolicy(id: string): Promise<PolicyDetail> {
  return http.post<PolicyDetail>(`${base}/policies/${enc(id)}/publish`, {})
}

export function expirePolicy(id: string): Promise<PolicyDetail> {
  return http.post<PolicyDetail>(`${base}/policies/${enc(id)}/expire`, {})
}

export function listMatches(
  id: string,
  query: { page: number; pageSize: number },
  signal?: AbortSignal,
): Promise<Page<PolicyMatch> & { read: number }> {
  return http.get<Page<PolicyMatch> & { read: number }>(`${base}/policies/${enc(id)}/matches`, query, signal)
}

export function addInterpretation(id: string, input: SaveInterpretation): Promise<Interpretation> {
  return http.post<Interpretation>(`${base}/policies/${enc(id)}/interpretations`, input)
}

export function previewRule(rule: Rule, signal?: AbortSignal): Promise<RulePreviewResult> {
  return request<RulePreviewResult>('POST', `${base}/rules/preview`, { body: { rule }, signal })
}

export function listDepartments(signal?: AbortSignal): Promise<Page<DepartmentOption>> {
  return http.get<Page<DepartmentOption>>('/api/directory/departments', { page: 1, pageSize: 200 }, signal)
}

// The enterprise's inbox -----------------------------------------------------------------------------------------

export function listMyPolicies(
  query: { page: number; pageSize: number; unreadOnly?: boolean },
  signal?: AbortSignal,
): Promise<Page<MyPolicy> & { unread: number }> {
  return http.get<Page<MyPolicy> & { unread: number }>(`${base}/mine/policies`, query, signal)
}

/** Staff: the policies one enterprise matched, with the reasons (enterprise profile page). */
export function listEnterprisePolicies(uscc: string, signal?: AbortSignal) {
  return http.get<Page<MyPolicy> & { unread: number }>(
    `${base}/enterprises/${encodeURIComponent(uscc)}/policies`,
    { page: 1, pageSize: 100 },
    signal,
  )
}

export function getMyPolicy(id: string, signal?: AbortSignal): Promise<PolicyDetail> {
  return http.get<PolicyDetail>(`${base}/mine/policies/${enc(id)}`, undefined, signal)
}

export function markPolicyRead(id: string): Promise<void> {
  return http.post<void>(`${base}/mine/policies/${enc(id)}/read`, {})
}

// Q&A ------------------------------------------------------------------------------------------------------------

export function askQuestion(policyId: string, question: string): Promise<Question> {
  return http.post<Question>(`${base}/policies/${enc(policyId)}/questions`, { question })
}

export function listMyQuestions(
  query: { page: number; pageSize: number; status?: QuestionStatus | undefined },
  signal?: AbortSignal,
): Promise<Page<Question>> {
  return http.get<Page<Question>>(`${base}/mine/questions`, query, signal)
}

export function listQuestions(
  query: { page: number; pageSize: number; status?: QuestionStatus | undefined; policyId?: string | undefined },
  signal?: AbortSignal,
): Promise<Page<Question>> {
  return http.get<Page<Question>>(`${base}/questions`, query, signal)
}

export function answerQuestion(id: string, answer: string): Promise<Question> {
  return http.post<Question>(`${base}/questions/${enc(id)}/answer`, { answer })
}

export function rateAnswer(
  id: string,
  input: { level: 1 | 2 | 3 | 4 | 5; comment?: string | null; reasons?: string[] },
): Promise<Question> {
  return http.post<Question>(`${base}/questions/${enc(id)}/rating`, input)
}

export function publishFaq(id: string, input: { question?: string; answer?: string }): Promise<Faq> {
  return http.post<Faq>(`${base}/questions/${enc(id)}/faq`, input)
}

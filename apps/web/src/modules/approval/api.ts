import type {
  CaseDetailSchema,
  CaseReceiptSchema,
  CaseSummarySchema,
  Draft,
  DraftSummarySchema,
  OnTimeStatsSchema,
  SaveDraft,
  SubmitCase,
  WindowSubmitCase,
  ZoneSavingsSchema,
} from '@ruyu/contracts/approval'
import type { CombinedForm, Park, ThemeDetail, ZoneAssessmentKind } from '@ruyu/contracts/catalog'
import type { Certificate } from '@ruyu/contracts/certificate'
import type { SubmitRating } from '@ruyu/contracts/rating'
import i18n from 'i18next'
import { ApiError, download, HTTP_ERROR, http, NETWORK_ERROR, type Page, request } from '../../shared/request'

export type {
  CombinedField,
  CombinedForm,
  CombinedMaterial,
  Park,
  ResolvedStage,
  ThemeDetail,
  ZoneAssessmentKind,
} from '@ruyu/contracts/catalog'
export type { Certificate } from '@ruyu/contracts/certificate'
export type { Draft, SaveDraft, SubmitCase, WindowSubmitCase }

/** The output type of a contract schema (zod's `z.infer`, without the web depending on zod itself). */
type Out<S> = S extends { _zod: { output: infer O } } ? O : never

export type CaseSummary = Out<typeof CaseSummarySchema>
export type CaseDetail = Out<typeof CaseDetailSchema>
export type CaseReceipt = Out<typeof CaseReceiptSchema>
export type CaseItem = CaseDetail['items'][number]
export type CaseMaterial = CaseDetail['materials'][number]
export type CaseStatus = CaseSummary['status']
export type OnTimeStats = Out<typeof OnTimeStatsSchema>
export type OnTimeRow = OnTimeStats['overall']
export type ZoneSavings = Out<typeof ZoneSavingsSchema>

/** The theme the construction intake pages file under (工程建设项目主题审批). */
export const CONSTRUCTION_THEME = 'MP-THEME-CONSTRUCTION'

/** Same order as CASE_STATUSES in the contract (kept here so list pages do not load the schemas). */
export const CASE_STATUS_LIST: CaseStatus[] = [
  'in_review',
  'awaiting_issuance',
  'issued',
  'completed',
  'refused',
  'withdrawn',
]

export interface PlanReply {
  variant: { key: string; name: string } | null
  form: CombinedForm
}

export interface CaseQuery {
  page: number
  pageSize: number
  status?: string
  q?: string
}

export interface UploadedFile {
  id: string
  name: string
  mime: string
  size: number
}

export interface Division {
  code: string
  name: string
}

export interface ServiceLocation {
  id: string
  code: string
  name: string
  kind: string
  divisionCode: string
  address: string
}

const base = '/api/approval'
const enc = encodeURIComponent

/** Variant by rule, its stage plan and the one combined form for what has been filled in so far. */
export function plan(
  themeCode: string,
  form: Record<string, unknown>,
  parkCode: string | undefined,
  signal?: AbortSignal,
): Promise<PlanReply> {
  return request<PlanReply>('POST', `${base}/plan`, {
    body: { themeCode, form, ...(parkCode ? { parkCode } : {}) },
    signal,
  })
}

export function submitOnline(input: SubmitCase): Promise<CaseReceipt> {
  return http.post<CaseReceipt>(`${base}/cases`, input)
}

export function submitAtWindow(input: WindowSubmitCase): Promise<CaseReceipt> {
  return http.post<CaseReceipt>(`${base}/window/cases`, input)
}

/** The enterprise's own cases. */
export function listMyCases(query: CaseQuery, signal?: AbortSignal): Promise<Page<CaseSummary>> {
  return http.get<Page<CaseSummary>>(`${base}/my/cases`, query, signal)
}

/** Cases inside the staff member's scope. */
export function listCases(query: CaseQuery, signal?: AbortSignal): Promise<Page<CaseSummary>> {
  return http.get<Page<CaseSummary>>(`${base}/cases`, query, signal)
}

/** The case list under the same filters as .xlsx (every page, within the caller's scope). */
export function exportCases(query: Omit<CaseQuery, 'page' | 'pageSize'>): Promise<void> {
  return download(`${base}/cases/export`, query, 'approval-cases.xlsx')
}

export function getCase(id: string, signal?: AbortSignal): Promise<CaseDetail> {
  return http.get<CaseDetail>(`${base}/cases/${enc(id)}`, undefined, signal)
}

/** Supplies a 容缺 material later with an uploaded file. */
export function supplyMaterial(caseId: string, code: string, fileId: string): Promise<CaseDetail> {
  return http.post<CaseDetail>(`${base}/cases/${enc(caseId)}/materials/${enc(code)}`, { fileId })
}

export function rateCase(caseId: string, input: SubmitRating): Promise<CaseDetail> {
  return http.post<CaseDetail>(`${base}/cases/${enc(caseId)}/rating`, input)
}

export function getOnTimeStats(signal?: AbortSignal): Promise<OnTimeStats> {
  return http.get<OnTimeStats>(`${base}/stats/on-time`, undefined, signal)
}

export function getZoneSavings(signal?: AbortSignal): Promise<ZoneSavings> {
  return http.get<ZoneSavings>(`${base}/stats/zone-savings`, undefined, signal)
}

export function getTheme(code: string, signal?: AbortSignal): Promise<ThemeDetail> {
  return http.get<ThemeDetail>(`/api/catalog/themes/${enc(code)}`, undefined, signal)
}

/** Parks with completed zone assessments (区域评估). */
export function listParks(signal?: AbortSignal): Promise<Page<Park>> {
  return http.get<Page<Park>>('/api/catalog/parks', undefined, signal)
}

export function listZoneAssessmentKinds(signal?: AbortSignal): Promise<Page<ZoneAssessmentKind>> {
  return http.get<Page<ZoneAssessmentKind>>('/api/catalog/zone-assessments', undefined, signal)
}

/** Towns and streets of the district (needs directory:read; enterprises fall back to the built-in list). */
export function listTowns(signal?: AbortSignal): Promise<Page<Division>> {
  return http.get<Page<Division>>('/api/directory/divisions', { parentCode: '370612' }, signal)
}

export function listLocations(signal?: AbortSignal): Promise<Page<ServiceLocation>> {
  return http.get<Page<ServiceLocation>>('/api/directory/locations', { page: 1, pageSize: 200 }, signal)
}

/** The e-certificates issued for a case (四证齐发: one batch). */
export function listCaseCertificates(caseId: string, signal?: AbortSignal): Promise<Page<Certificate>> {
  return http.get<Page<Certificate>>(
    '/api/certificates',
    { subjectType: 'approval_case', subjectId: caseId, pageSize: 50 },
    signal,
  )
}

export const certificatePdfUrl = (id: string) => `/api/certificates/${enc(id)}/pdf`
export const fileUrl = (id: string) => `/api/files/${enc(id)}`

/** The path and query of a verification URL (the QR content), so it opens on this same site. */
export function verifyPath(verifyUrl: string): string {
  try {
    const url = new URL(verifyUrl, window.location.origin)
    return url.pathname + url.search
  } catch {
    return verifyUrl
  }
}

interface SessionReply {
  csrfToken: string
}

/**
 * Uploads one file (multipart field `file`). The shared JSON client cannot send multipart bodies yet, so this
 * reads the session's CSRF token from GET /api/me and posts the form itself; errors arrive as `ApiError` as usual.
 */
export async function uploadFile(file: File, signal?: AbortSignal): Promise<UploadedFile> {
  const { csrfToken } = await http.get<SessionReply>('/api/me', undefined, signal)
  const body = new FormData()
  body.append('file', file, file.name)
  let response: Response
  try {
    response = await fetch('/api/files', {
      method: 'POST',
      body,
      credentials: 'same-origin',
      signal,
      headers: { Accept: 'application/json', 'Accept-Language': i18n.language, 'x-csrf-token': csrfToken },
    })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError({ status: 0, code: NETWORK_ERROR, message: '' })
  }
  const data = (await response.json().catch(() => undefined)) as
    | (UploadedFile & { code?: string; message?: string; requestId?: string })
    | undefined
  if (response.ok && data) return data
  throw new ApiError({
    status: response.status,
    code: data?.code ?? HTTP_ERROR,
    message: data?.message ?? '',
    requestId: data?.requestId ?? response.headers.get('x-request-id') ?? undefined,
  })
}

export type DraftSummary = Out<typeof DraftSummarySchema>

/** The caller's application drafts (草稿), newest first. */
export function listDrafts(signal?: AbortSignal): Promise<{ items: DraftSummary[] }> {
  return http.get<{ items: DraftSummary[] }>('/api/approval/drafts', undefined, signal)
}

export function getDraft(id: string, signal?: AbortSignal): Promise<Draft> {
  return http.get<Draft>(`/api/approval/drafts/${encodeURIComponent(id)}`, undefined, signal)
}

/** Saves a draft: a new one without an id, else overwrites it (409 when it was saved elsewhere meanwhile). */
export function saveDraft(id: string | null, input: SaveDraft): Promise<Draft> {
  return id
    ? http.put<Draft>(`/api/approval/drafts/${encodeURIComponent(id)}`, input)
    : http.post<Draft>('/api/approval/drafts', input)
}

export function deleteDraft(id: string): Promise<void> {
  return http.delete<void>(`/api/approval/drafts/${encodeURIComponent(id)}`)
}

import type { CASE_STATUSES, CaseSummarySchema } from '@ruyu/contracts/approval'
import type { z } from 'zod'
import type { Lang } from '../../platform/http/error-handler.ts'
import { cstDateTime, type ExportColumn } from '../../platform/table-export.ts'

type CaseSummary = z.infer<typeof CaseSummarySchema>

const STATUS: Record<(typeof CASE_STATUSES)[number], Record<Lang, string>> = {
  in_review: { zh: '审查中', en: 'Under review' },
  awaiting_issuance: { zh: '待统一出件', en: 'Awaiting issuance' },
  issued: { zh: '已出证', en: 'Certificates issued' },
  completed: { zh: '已办结', en: 'Completed' },
  refused: { zh: '不予许可', en: 'Refused' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
}
const CHANNEL: Record<string, Record<Lang, string>> = {
  online: { zh: '网上申报', en: 'Online' },
  window: { zh: '窗口受理', en: 'Service window' },
}

/** The columns of 审批案件 as a spreadsheet. */
export const CASE_EXPORT_COLUMNS: ExportColumn<CaseSummary>[] = [
  { header: { zh: '受理编号', en: 'Case number' }, width: 24, value: (c) => c.number },
  { header: { zh: '项目名称', en: 'Project' }, width: 36, value: (c) => c.title },
  { header: { zh: '申请企业', en: 'Applicant' }, width: 30, value: (c) => c.enterpriseName },
  { header: { zh: '办理方式', en: 'Variant' }, width: 18, value: (c) => c.variantName },
  { header: { zh: '状态', en: 'Status' }, width: 12, value: (c, l) => STATUS[c.status][l] },
  { header: { zh: '受理渠道', en: 'Channel' }, width: 12, value: (c, l) => CHANNEL[c.channel]?.[l] ?? c.channel },
  { header: { zh: '提交时间', en: 'Submitted' }, width: 17, value: (c) => cstDateTime(c.submittedAt) },
  {
    header: { zh: '承诺时限（工作日）', en: 'Committed limit (working days)' },
    width: 12,
    value: (c) => c.committedDays,
  },
  { header: { zh: '出证时间', en: 'Issued' }, width: 17, value: (c) => cstDateTime(c.issuedAt) },
  { header: { zh: '办结时间', en: 'Closed' }, width: 17, value: (c) => cstDateTime(c.closedAt) },
]

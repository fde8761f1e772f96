import type { TaskExportQuery, WorklistItem } from '@ruyu/contracts/workflow'
import type { Lang } from '../../platform/http/error-handler.ts'
import { cstDateTime, type ExportColumn } from '../../platform/table-export.ts'

const SUBJECT: Record<string, Record<Lang, string>> = {
  approval_case: { zh: '主题审批', en: 'Theme approval' },
  rating: { zh: '差评整改', en: 'Bad-rating rectification' },
  hotline_order: { zh: '12345工单', en: '12345 order' },
  enterprise_service_request: { zh: '政企云服务申请', en: 'Enterprise service request' },
  policy_question: { zh: '政策咨询', en: 'Policy question' },
}
const SLA: Record<WorklistItem['sla'], Record<Lang, string>> = {
  on_track: { zh: '正常', en: 'On track' },
  warning: { zh: '黄牌：临近时限', en: 'Yellow card' },
  overdue: { zh: '红牌：已超期', en: 'Red card: overdue' },
  paused: { zh: '计时暂停', en: 'Clock paused' },
  done: { zh: '已完成', en: 'Finished' },
}

/** The same filters 我的待办 applies (on the page they run in the browser over the same list). */
export function filterTasks(items: WorklistItem[], f: TaskExportQuery): WorklistItem[] {
  const q = f.q?.toLowerCase()
  return items
    .filter((t) => !f.sla || t.sla === f.sla)
    .filter((t) => !f.type || t.subjectType === f.type)
    .filter((t) => !q || [t.title, t.branchName ?? '', t.taskName].some((s) => s.toLowerCase().includes(q)))
}

export const TASK_EXPORT_COLUMNS: ExportColumn<WorklistItem>[] = [
  { header: { zh: '事项', en: 'Subject' }, width: 36, value: (t) => t.title },
  {
    header: { zh: '办理环节', en: 'Step' },
    width: 28,
    value: (t) => (t.branchName ? `${t.branchName} · ${t.taskName}` : t.taskName),
  },
  {
    header: { zh: '类型', en: 'Type' },
    width: 16,
    value: (t, l) => SUBJECT[t.subjectType]?.[l] ?? SUBJECT.approval_case![l],
  },
  { header: { zh: '接收时间', en: 'Received' }, width: 17, value: (t) => cstDateTime(t.createdAt) },
  { header: { zh: '办理时限', en: 'Deadline' }, width: 17, value: (t) => cstDateTime(t.dueAt) },
  { header: { zh: '时限状态', en: 'Status' }, width: 14, value: (t, l) => SLA[t.sla][l] },
]

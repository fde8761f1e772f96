import {
  ORDER_STATUS_NAMES,
  type Order,
  type OrderStatus,
  REQUEST_TYPE_NAMES,
  type RequestType,
} from '@ruyu/contracts/hotline'
import { cstDateTime, type ExportColumn } from '../../platform/table-export.ts'

/** English names of the values the Chinese side takes from the contracts' name tables. */
const STATUS_EN: Record<OrderStatus, string> = {
  dispatching: 'Waiting for dispatch',
  pending_ack: 'Waiting for acknowledgement',
  handling: 'In handling',
  extension_review: 'Extension under review',
  reviewing: 'Reply under review',
  followup: 'Waiting for follow-up',
  closed: 'Closed',
  closed_direct: 'Answered directly',
  merged: 'Merged',
  declined: 'Declined',
}
const TYPE_EN: Record<RequestType, string> = {
  consult: 'Question',
  help: 'Request for help',
  complaint: 'Complaint',
  report: 'Report',
  suggestion: 'Suggestion',
  praise: 'Praise',
}
const URGENCY = { urgent: { zh: '紧急', en: 'Urgent' }, normal: { zh: '一般', en: 'Normal' } } as const
const SLA = {
  on_track: { zh: '正常', en: 'On track' },
  warning: { zh: '黄牌预警', en: 'Yellow card' },
  overdue: { zh: '红牌超期', en: 'Red card: overdue' },
} as const

/** The columns of the order list (工单查询) as a spreadsheet: what the list shows, no caller details. */
export const ORDER_EXPORT_COLUMNS: ExportColumn<Order>[] = [
  { header: { zh: '工单编号', en: 'Order number' }, width: 20, value: (o) => o.number },
  {
    header: { zh: '诉求类型', en: 'Type' },
    width: 10,
    value: (o, l) => (l === 'en' ? TYPE_EN[o.requestType] : REQUEST_TYPE_NAMES[o.requestType]),
  },
  { header: { zh: '紧急程度', en: 'Urgency' }, width: 10, value: (o, l) => URGENCY[o.urgency][l] },
  { header: { zh: '诉求摘要', en: 'Summary' }, width: 40, value: (o) => o.title },
  {
    header: { zh: '状态', en: 'Status' },
    width: 14,
    value: (o, l) => (l === 'en' ? STATUS_EN[o.status] : ORDER_STATUS_NAMES[o.status]),
  },
  { header: { zh: '诉求分类', en: 'Category' }, width: 24, value: (o) => o.categoryPath ?? o.categoryName ?? '' },
  { header: { zh: '发生地点', en: 'Town' }, width: 14, value: (o) => o.divisionName ?? '' },
  { header: { zh: '详细地址', en: 'Address' }, width: 30, value: (o) => o.address },
  { header: { zh: '承办单位', en: 'Handling unit' }, width: 22, value: (o) => o.unit?.name ?? '' },
  {
    header: { zh: '协办单位', en: 'Assisting units' },
    width: 22,
    value: (o) => o.coUnits.map((u) => u.name).join('、'),
  },
  { header: { zh: '受理时间', en: 'Received' }, width: 17, value: (o) => cstDateTime(o.receivedAt) },
  { header: { zh: '签收时限', en: 'Acknowledge by' }, width: 17, value: (o) => cstDateTime(o.ackDueAt) },
  { header: { zh: '办理时限', en: 'Deadline' }, width: 17, value: (o) => cstDateTime(o.dueAt) },
  { header: { zh: '时限状态', en: 'Time limit' }, width: 12, value: (o, l) => SLA[o.slaFlag][l] },
  { header: { zh: '办结时间', en: 'Closed' }, width: 17, value: (o) => cstDateTime(o.closedAt) },
]

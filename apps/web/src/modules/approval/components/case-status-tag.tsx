import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { labelOf } from '../../../shared/labels'

const COLORS: Record<string, string> = {
  in_review: 'processing',
  awaiting_issuance: 'gold',
  issued: 'green',
  completed: 'success',
  refused: 'red',
  withdrawn: 'default',
}

/** 审查中 / 待统一出件 / 已出证 / 已办结 / 不予许可 / 已撤回. */
export function CaseStatusTag({ status }: { status: string }) {
  useTranslation()
  return (
    <Tag color={COLORS[status] ?? 'default'} data-status={status} style={{ marginInlineEnd: 0 }}>
      {labelOf('approval.status', status)}
    </Tag>
  )
}

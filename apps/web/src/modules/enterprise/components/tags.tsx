import { Tag } from 'antd'
import { labelOf } from '../../../shared/labels'
import type { EnterpriseScale, MemberStatus, ServiceRequestStatus } from '../api'

const REQUEST_COLORS: Record<ServiceRequestStatus, string> = {
  submitted: 'gold',
  handling: 'blue',
  completed: 'green',
  declined: 'default',
  withdrawn: 'default',
}

/** 待受理 … 已办结 as a coloured tag; `data-status` carries the raw value. */
export function RequestStatusTag({ status }: { status: ServiceRequestStatus }) {
  return (
    <Tag color={REQUEST_COLORS[status] ?? 'default'} data-status={status} style={{ marginInlineEnd: 0 }}>
      {labelOf('enterprise.requestStatus', status)}
    </Tag>
  )
}

const MEMBER_COLORS: Record<MemberStatus, string> = { pending: 'gold', verified: 'green', rejected: 'red' }

export function MemberStatusTag({ status }: { status: MemberStatus }) {
  return (
    <Tag color={MEMBER_COLORS[status] ?? 'default'} data-status={status} style={{ marginInlineEnd: 0 }}>
      {labelOf('enterprise.memberStatus', status)}
    </Tag>
  )
}

const SCALE_COLORS: Record<EnterpriseScale, string> = {
  large: 'purple',
  medium: 'geekblue',
  small: 'cyan',
  micro: 'default',
}

export function ScaleTag({ scale }: { scale: EnterpriseScale }) {
  return (
    <Tag color={SCALE_COLORS[scale] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {labelOf('enterprise.scale', scale)}
    </Tag>
  )
}

/** A given 好差评 level as a compact tag (★ 5 非常满意), for table cells. */
export function RatingTag({ level }: { level: number }) {
  return (
    <Tag color="gold" data-level={level} style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}>
      ★ {level} {labelOf('rating.levels', String(level))}
    </Tag>
  )
}

import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { labelOf } from '../../../shared/labels'
import type { OrderStatus, PublicStatus, RequestType, Urgency } from '../api'

const STATUS_COLORS: Record<OrderStatus, string> = {
  dispatching: 'orange',
  pending_ack: 'gold',
  handling: 'blue',
  extension_review: 'purple',
  reviewing: 'cyan',
  followup: 'geekblue',
  closed: 'green',
  closed_direct: 'green',
  merged: 'default',
  declined: 'default',
}

/** The internal state of a work order (待派单 … 已办结) as a coloured tag; `data-status` carries the raw value. */
export function OrderStatusTag({ status }: { status: OrderStatus }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-status={status} style={{ marginInlineEnd: 0 }}>
      {labelOf('hotline.status', status)}
    </Tag>
  )
}

const PUBLIC_COLORS: Record<PublicStatus, string> = {
  received: 'orange',
  processing: 'blue',
  replied: 'cyan',
  closed: 'green',
}

export function PublicStatusTag({ status, name }: { status: PublicStatus; name?: string }) {
  return (
    <Tag color={PUBLIC_COLORS[status] ?? 'default'} data-public-status={status} style={{ marginInlineEnd: 0 }}>
      {labelOf('hotline.publicStatus', status) || name}
    </Tag>
  )
}

export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  if (urgency !== 'urgent') return null
  return (
    <Tag color="red" style={{ marginInlineEnd: 0 }}>
      {labelOf('hotline.urgency', urgency)}
    </Tag>
  )
}

export function RequestTypeTag({ type }: { type: RequestType }) {
  return <Tag style={{ marginInlineEnd: 0 }}>{labelOf('hotline.requestType', type)}</Tag>
}

/** 督办 and 重办 markers of an order. */
export function FlagTags({ supervised, reopenCount }: { supervised: boolean; reopenCount: number }) {
  const { t } = useTranslation()
  return (
    <>
      {supervised ? (
        <Tag color="magenta" style={{ marginInlineEnd: 0 }} data-testid="supervised-tag">
          {t('hotline.order.supervised')}
        </Tag>
      ) : null}
      {reopenCount > 0 ? (
        <Tag color="volcano" style={{ marginInlineEnd: 0 }} data-testid="reopen-tag">
          {t('hotline.order.reopened', { count: reopenCount })}
        </Tag>
      ) : null}
    </>
  )
}

import { Flex, type TableColumnsType, Typography } from 'antd'
import i18n from 'i18next'
import { Link } from 'react-router'
import { formatDateTime } from '../../workflow/format'
import type { Order } from '../api'
import { SlaCard } from './sla-card'
import { FlagTags, OrderStatusTag, RequestTypeTag, UrgencyTag } from './tags'

type Column = TableColumnsType<Order>[number]
export type OrderColumnKey = 'number' | 'title' | 'status' | 'category' | 'place' | 'unit' | 'received' | 'due' | 'sla'

/** Link to the order page (stops the row click so the link itself opens). */
export function OrderLink({ order }: { order: Pick<Order, 'id' | 'number'> }) {
  return (
    <Link
      to={`/hotline/orders/${order.id}`}
      onClick={(e) => e.stopPropagation()}
      className="ruyu-hotline-number"
      style={{ whiteSpace: 'nowrap' }}
    >
      {order.number}
    </Link>
  )
}

/**
 * The columns of order tables, picked by key, in the order asked for. Widths add up to the 1050 px a 1366 px screen
 * leaves a list; the deadline and SLA columns stay pinned on the right when a wider table scrolls.
 */
export function orderColumns(keys: OrderColumnKey[]): TableColumnsType<Order> {
  const t = i18n.t.bind(i18n)
  const all: Record<OrderColumnKey, Column> = {
    number: { key: 'number', title: t('hotline.order.number'), width: 150, render: (_, o) => <OrderLink order={o} /> },
    title: {
      key: 'title',
      title: t('hotline.order.title'),
      width: 240,
      render: (_, o) => (
        <div>
          <Flex gap={4} wrap align="center">
            <RequestTypeTag type={o.requestType} />
            <UrgencyTag urgency={o.urgency} />
            <FlagTags supervised={o.supervised} reopenCount={o.reopenCount} />
          </Flex>
          <Typography.Text ellipsis style={{ display: 'block', maxWidth: 224 }} title={o.description}>
            {o.title}
          </Typography.Text>
        </div>
      ),
    },
    status: {
      key: 'status',
      title: t('hotline.order.status'),
      width: 90,
      render: (_, o) => <OrderStatusTag status={o.status} />,
    },
    category: {
      key: 'category',
      title: t('hotline.order.category'),
      width: 120,
      render: (_, o) => (
        <span title={o.categoryPath ?? undefined}>{o.categoryName ?? t('hotline.order.unclassified')}</span>
      ),
    },
    place: {
      key: 'place',
      title: t('hotline.order.location'),
      width: 160,
      render: (_, o) => (
        <div>
          <div>{o.divisionName}</div>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 150, display: 'block' }}>
            {o.address}
          </Typography.Text>
        </div>
      ),
    },
    unit: {
      key: 'unit',
      title: t('hotline.order.unit'),
      width: 140,
      render: (_, o) =>
        o.unit ? (
          <div>
            <div>{o.unit.name}</div>
            {o.coUnits.length ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('hotline.order.coUnitsShort', { names: o.coUnits.map((u) => u.name).join('、') })}
              </Typography.Text>
            ) : null}
          </div>
        ) : (
          <Typography.Text type="secondary">{t('hotline.order.noUnit')}</Typography.Text>
        ),
    },
    received: {
      key: 'received',
      title: t('hotline.order.received'),
      dataIndex: 'receivedAt',
      width: 130,
      render: (at: string) => formatDateTime(at),
    },
    due: {
      key: 'due',
      title: t('hotline.order.due'),
      dataIndex: 'dueAt',
      width: 130,
      fixed: 'right',
      render: (at: string | null) => formatDateTime(at) || '—',
    },
    sla: {
      key: 'sla',
      title: t('hotline.order.sla'),
      width: 160,
      fixed: 'right',
      render: (_, o) => <SlaCard order={o} />,
    },
  }
  return keys.map((k) => all[k])
}

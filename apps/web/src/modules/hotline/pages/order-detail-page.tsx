import LockOutlined from '@ant-design/icons/LockOutlined'
import { Alert, Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { PageLoading } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { PrintButton } from '../../../shared/print-button'
import { formatDateTime } from '../../workflow/format'
import type { OrderDetail } from '../api'
import { OrderActions } from '../components/order-actions'
import { OrderTimeline } from '../components/order-timeline'
import { SlaCard } from '../components/sla-card'
import { FlagTags, OrderStatusTag, PublicStatusTag, RequestTypeTag, UrgencyTag } from '../components/tags'
import { useOrder } from '../hooks'
import '../hotline.css'

function Header({ order, onChanged }: { order: OrderDetail; onChanged: () => void }) {
  const { t } = useTranslation()
  const caller = (
    <span data-testid="order-caller">
      {order.callerName} · {order.callerPhone}
      {order.confidential ? (
        <Tag color="purple" icon={<LockOutlined />} style={{ marginInlineStart: 8 }}>
          {t('hotline.order.confidential')}
        </Tag>
      ) : null}
    </span>
  )
  return (
    <Card data-testid="order-header">
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {order.title}
        </Typography.Title>
        <span data-testid="order-status">
          <OrderStatusTag status={order.status} />
        </span>
        <RequestTypeTag type={order.requestType} />
        <UrgencyTag urgency={order.urgency} />
        <FlagTags supervised={order.supervised} reopenCount={order.reopenCount} />
        <SlaCard order={order} />
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'number',
            label: t('hotline.order.number'),
            children: (
              <Typography.Text copyable data-testid="order-number">
                {order.number}
              </Typography.Text>
            ),
          },
          { key: 'caller', label: t('hotline.order.caller'), children: caller },
          { key: 'channel', label: t('hotline.order.channel'), children: labelOf('hotline.channel', order.channel) },
          {
            key: 'category',
            label: t('hotline.order.category'),
            children: order.categoryPath ?? order.categoryName ?? t('hotline.order.unclassified'),
          },
          {
            key: 'place',
            label: t('hotline.order.location'),
            children: [order.divisionName, order.address].filter(Boolean).join(' · '),
          },
          { key: 'received', label: t('hotline.order.received'), children: formatDateTime(order.receivedAt) },
          {
            key: 'unit',
            label: t('hotline.order.unit'),
            children: order.unit ? (
              <span data-testid="order-unit">
                {order.unit.name}
                {order.coUnits.length
                  ? ` ${t('hotline.order.coUnitsShort', { names: order.coUnits.map((u) => u.name).join('、') })}`
                  : ''}
              </span>
            ) : (
              t('hotline.order.noUnit')
            ),
          },
          ...(order.ackDueAt && order.status === 'pending_ack'
            ? [{ key: 'ack', label: t('hotline.order.ackDue'), children: formatDateTime(order.ackDueAt) }]
            : []),
          ...(order.dueAt
            ? [
                {
                  key: 'due',
                  label: t('hotline.order.due'),
                  children: (
                    <span>
                      {formatDateTime(order.dueAt)}
                      {order.extensionDays ? ` ${t('hotline.order.extended', { count: order.extensionDays })}` : ''}
                    </span>
                  ),
                },
              ]
            : []),
          ...(order.closedAt
            ? [
                {
                  key: 'closed',
                  label: t('hotline.order.closedAt'),
                  children: (
                    <span>
                      {formatDateTime(order.closedAt)}{' '}
                      {order.closedOnTime === false ? <Tag color="red">{t('hotline.order.late')}</Tag> : null}
                    </span>
                  ),
                },
              ]
            : []),
          ...(order.followupResult
            ? [
                {
                  key: 'followup',
                  label: t('hotline.order.followupResult'),
                  children: labelOf('hotline.followupResult', order.followupResult),
                },
              ]
            : []),
          {
            key: 'public',
            label: t('hotline.order.publicStatus'),
            children: <PublicStatusTag status={order.publicStatus} />,
          },
          ...(order.upstreamNumber
            ? [
                {
                  key: 'upstream',
                  label: t('hotline.order.upstream'),
                  children: `${order.upstreamSource ?? ''} ${order.upstreamNumber}`,
                },
              ]
            : []),
        ]}
      />
      {order.mergedIntoId ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          title={
            <span>
              {t('hotline.order.mergedInto')}{' '}
              <Link to={`/hotline/orders/${order.mergedIntoId}`}>{order.mergedIntoNumber}</Link>
            </span>
          }
        />
      ) : null}
      {order.actions.length ? (
        <div style={{ marginTop: 16 }}>
          <OrderActions order={order} onChanged={onChanged} />
        </div>
      ) : null}
    </Card>
  )
}

/** 工单详情: the order, its reply and pending extension, the full timeline and the actions the user may take now. */
export default function OrderDetailPage() {
  const { t } = useTranslation()
  const { id } = useParams()
  const query = useOrder(id)
  const order = query.data
  if (query.isError)
    return (
      <PageContainer title={t('hotline.order.pageTitle')}>
        <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} />
      </PageContainer>
    )
  if (!order) return <PageLoading />
  const reload = () => void query.refetch()
  return (
    <PageContainer title={`${t('hotline.order.pageTitle')} · ${order.number}`} extra={<PrintButton />}>
      <Header order={order} onChanged={reload} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card title={t('hotline.order.content')} size="small">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="order-description">
                {order.description}
              </Typography.Paragraph>
            </Card>
            {order.pendingExtension ? (
              <Card title={t('hotline.order.pendingExtension')} size="small" data-testid="order-extension">
                <Typography.Paragraph style={{ marginBottom: 0 }}>
                  {t('hotline.actions.extensionAsked', {
                    days: order.pendingExtension.days,
                    reason: order.pendingExtension.reason,
                  })}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(order.pendingExtension.requestedAt)}
                </Typography.Text>
              </Card>
            ) : null}
            {order.reply ? (
              <Card title={t('hotline.order.reply')} size="small" data-testid="order-reply">
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{order.reply.text}</Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('hotline.order.replyMeta', {
                    at: formatDateTime(order.reply.repliedAt),
                    method: labelOf('hotline.contactMethod', order.reply.contactMethod),
                  })}
                  {order.reply.contactedAt
                    ? ` · ${t('hotline.order.contactedAt', { at: formatDateTime(order.reply.contactedAt) })}`
                    : ''}
                </Typography.Text>
              </Card>
            ) : null}
            {order.publicReply ? (
              <Card title={t('hotline.order.publicReply')} size="small">
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {order.publicReply}
                </Typography.Paragraph>
                {order.kbArticle ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('hotline.order.fromKb', { title: order.kbArticle.title })}
                  </Typography.Text>
                ) : null}
              </Card>
            ) : null}
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('hotline.order.timeline')} size="small">
            <OrderTimeline events={order.timeline} />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  )
}

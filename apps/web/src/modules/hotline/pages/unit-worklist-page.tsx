import { Card, Col, Row, Segmented, Statistic, Table, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import type { Order } from '../api'
import { orderColumns } from '../components/order-columns'
import { currentDeadline } from '../components/sla-card'
import { useOrders } from '../hooks'
import '../hotline.css'

const VIEWS = ['todo', 'replied', 'closed'] as const
type View = (typeof VIEWS)[number]
const TODO = new Set(['pending_ack', 'handling', 'extension_review'])

const byDeadline = (a: Order, b: Order) => {
  const da = currentDeadline(a)?.at ?? '9999'
  const db = currentDeadline(b)?.at ?? '9999'
  return da.localeCompare(db) || a.receivedAt.localeCompare(b.receivedAt)
}

/**
 * 承办工单: a handling unit's orders with yellow/red SLA cards, soonest deadline first. Summary cards count what
 * waits for 签收, what is being handled, and the yellow and red cards.
 */
export default function UnitWorklistPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const view: View = VIEWS.includes(params.get('view') as View) ? (params.get('view') as View) : 'todo'
  const open = useOrders({ state: 'open', page: 1, pageSize: 200 }, { refetchInterval: 60_000 })
  const closed = useOrders({ state: 'closed', page: 1, pageSize: 50 }, {})

  const groups = useMemo(() => {
    const all = open.data?.items ?? []
    const todo = all.filter((o) => TODO.has(o.status)).sort(byDeadline)
    return {
      todo,
      replied: all.filter((o) => !TODO.has(o.status)),
      pendingAck: todo.filter((o) => o.status === 'pending_ack').length,
      handling: todo.filter((o) => o.status !== 'pending_ack').length,
      warning: todo.filter((o) => o.slaFlag === 'warning').length,
      overdue: todo.filter((o) => o.slaFlag === 'overdue').length,
    }
  }, [open.data])
  const rows = view === 'closed' ? (closed.data?.items ?? []) : groups[view]
  const query = view === 'closed' ? closed : open

  const cards = [
    { key: 'pendingAck', value: groups.pendingAck, className: '' },
    { key: 'handling', value: groups.handling, className: '' },
    { key: 'warning', value: groups.warning, className: groups.warning ? 'ruyu-sla-warning' : '' },
    { key: 'overdue', value: groups.overdue, className: groups.overdue ? 'ruyu-sla-overdue' : '' },
  ] as const

  return (
    <PageContainer title={t('hotline.worklist.title')} description={t('hotline.worklist.description')}>
      <Row gutter={[16, 16]} className="ruyu-hotline-sla-cards" style={{ marginBottom: 16 }}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} md={6}>
            <Card size="small" className={c.className} data-testid={`worklist-${c.key}`}>
              <Statistic
                title={t(`hotline.worklist.cards.${c.key}`)}
                value={c.value}
                styles={{
                  content: {
                    color:
                      c.key === 'overdue' && c.value
                        ? '#cf1322'
                        : c.key === 'warning' && c.value
                          ? '#d48806'
                          : undefined,
                  },
                }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card>
        <Segmented<View>
          value={view}
          onChange={(v) => setParams(v === 'todo' ? {} : { view: v }, { replace: true })}
          options={VIEWS.map((v) => ({
            value: v,
            label: `${t(`hotline.worklist.views.${v}`)}${v === 'closed' ? '' : ` (${groups[v].length})`}`,
          }))}
          style={{ marginBottom: 16 }}
        />
        {query.isError ? (
          <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Order>
          rowKey="id"
          columns={orderColumns(
            view === 'todo'
              ? ['number', 'title', 'status', 'category', 'place', 'due', 'sla']
              : ['number', 'title', 'status', 'category', 'place', 'received'],
          )}
          dataSource={rows}
          loading={query.isPending}
          scroll={{ x: 'max-content' }}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          onRow={(o) => ({ onClick: () => void navigate(`/hotline/orders/${o.id}`), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: query.isPending ? ' ' : <EmptyState description={t(`hotline.worklist.empty.${view}`)} />,
          }}
          data-testid="worklist-table"
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('hotline.sla.help')}
        </Typography.Paragraph>
      </Card>
    </PageContainer>
  )
}

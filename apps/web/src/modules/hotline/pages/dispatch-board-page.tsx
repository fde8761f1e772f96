import { useQueries } from '@tanstack/react-query'
import { Badge, Button, Card, Input, Table, type TableColumnsType, Tabs, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import type { Order } from '../api'
import { getOrder } from '../api'
import { DispatchModal } from '../components/dispatch-modal'
import { orderColumns } from '../components/order-columns'
import { hotlineKeys, useOrders } from '../hooks'
import '../hotline.css'

const COLUMNS = ['new', 'returned', 'extension', 'review', 'followup'] as const
type Column = (typeof COLUMNS)[number]
const REFRESH = 30_000

/**
 * 派单调度: the centre's board. 待派单 / 退回待改派 / 延期待审 / 待审核 / 待回访 as tabs with counts; dispatch opens
 * with the suggested unit and co-handlers, the other queues open the order page with its action forms.
 */
export default function DispatchBoardPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const tab: Column = COLUMNS.includes(params.get('tab') as Column) ? (params.get('tab') as Column) : 'new'
  const [q, setQ] = useState('')
  const [dispatching, setDispatching] = useState<Order | null>(null)

  const dispatch = useOrders({ status: 'dispatching', page: 1, pageSize: 200 }, { refetchInterval: REFRESH })
  const extension = useOrders({ status: 'extension_review', page: 1, pageSize: 200 }, { refetchInterval: REFRESH })
  const review = useOrders({ status: 'reviewing', page: 1, pageSize: 200 }, { refetchInterval: REFRESH })
  const followup = useOrders({ status: 'followup', page: 1, pageSize: 200 }, { refetchInterval: REFRESH })

  const lists = useMemo(() => {
    const all = dispatch.data?.items ?? []
    // A unit's 退单 puts the order back in 待派单; the return count tells it from a new one.
    return {
      new: all.filter((o) => o.returnCount === 0),
      returned: all.filter((o) => o.returnCount > 0),
      extension: extension.data?.items ?? [],
      review: review.data?.items ?? [],
      followup: followup.data?.items ?? [],
    } satisfies Record<Column, Order[]>
  }, [dispatch.data, extension.data, review.data, followup.data])
  const queries = { new: dispatch, returned: dispatch, extension, review, followup }
  const current = queries[tab]

  const rows = useMemo(() => {
    const needle = q.trim()
    const list = [...lists[tab]].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
    return needle
      ? list.filter((o) => [o.number, o.title, o.address, o.divisionName ?? ''].some((s) => s.includes(needle)))
      : list
  }, [lists, tab, q])

  const action: TableColumnsType<Order>[number] = {
    key: 'action',
    title: t('hotline.board.action'),
    width: 100,
    fixed: 'right',
    render: (_, o) =>
      tab === 'new' || tab === 'returned' ? (
        <Button
          type="primary"
          size="small"
          onClick={(e) => {
            e.stopPropagation()
            setDispatching(o)
          }}
        >
          {t('hotline.actionNames.dispatch')}
        </Button>
      ) : (
        <Button
          size="small"
          onClick={(e) => {
            e.stopPropagation()
            void navigate(tab === 'followup' ? `/hotline/follow-up?id=${o.id}` : `/hotline/orders/${o.id}`)
          }}
        >
          {t(`hotline.board.open.${tab}`)}
        </Button>
      ),
  }
  const columns = [
    ...orderColumns(
      tab === 'new' || tab === 'returned'
        ? ['number', 'title', 'category', 'place', 'received']
        : ['number', 'title', 'category', 'unit', 'received', 'sla'],
    ),
    action,
  ]

  return (
    <PageContainer title={t('hotline.board.title')} description={t('hotline.board.description')}>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'new' ? {} : { tab: key }, { replace: true })}
          tabBarExtraContent={
            <Input.Search
              allowClear
              aria-label={t('hotline.board.search')}
              placeholder={t('hotline.board.search')}
              onSearch={setQ}
              onChange={(e) => !e.target.value && setQ('')}
              style={{ width: 240 }}
            />
          }
          items={COLUMNS.map((c) => ({
            key: c,
            label: (
              <span data-testid={`board-tab-${c}`}>
                {t(`hotline.board.tabs.${c}`)}{' '}
                <Badge
                  count={lists[c].length}
                  showZero
                  color={c === 'returned' && lists[c].length ? 'red' : lists[c].length ? 'blue' : '#bfbfbf'}
                  data-testid={`board-count-${c}`}
                />
              </span>
            ),
          }))}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          {t(`hotline.board.hints.${tab}`)}
        </Typography.Paragraph>
        {current.isError ? (
          <ErrorDisplay error={current.error} onRetry={() => void current.refetch()} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Order>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={current.isPending}
          scroll={{ x: 'max-content' }}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          onRow={(o) => ({ onClick: () => void navigate(`/hotline/orders/${o.id}`), style: { cursor: 'pointer' } })}
          locale={{ emptyText: current.isPending ? ' ' : <EmptyState description={t(`hotline.board.empty.${tab}`)} /> }}
          data-testid="board-table"
        />
      </Card>
      {dispatching ? <DispatchModal order={dispatching} onClose={() => setDispatching(null)} /> : null}
    </PageContainer>
  )
}

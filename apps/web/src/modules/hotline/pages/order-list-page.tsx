import { Card, Flex, Input, Select, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { ExportButton } from '../../../shared/export-button'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { serverPagination } from '../../../shared/pagination'
import { useListParams } from '../../../shared/use-list-params'
import { exportOrders, ORDER_STATUS_LIST, type Order, type OrderQuery, REQUEST_TYPE_LIST, type SlaFlag } from '../api'
import { orderColumns } from '../components/order-columns'
import { useOrders, useTowns } from '../hooks'

const FILTERS = ['q', 'status', 'requestType', 'townCode', 'slaFlag', 'state'] as const
const SLA_FLAGS: SlaFlag[] = ['on_track', 'warning', 'overdue']

/** 工单查询: every order the user may see (centre and leaders: their scope; units: their own), with filters. */
export default function OrderListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS)
  const towns = useTowns()
  const listFilters = {
    q: filters.q,
    status: filters.status as OrderQuery['status'],
    requestType: filters.requestType as OrderQuery['requestType'],
    townCode: filters.townCode,
    slaFlag: filters.slaFlag as OrderQuery['slaFlag'],
    state: filters.state as OrderQuery['state'],
  }
  const query = useOrders({ page, pageSize, ...listFilters })
  const filtered = Object.values(filters).some(Boolean)
  return (
    <PageContainer
      title={t('hotline.list.title')}
      description={t('hotline.list.description')}
      extra={<ExportButton run={() => exportOrders(listFilters)} />}
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={filters.q}
            aria-label={t('hotline.board.search')}
            placeholder={t('hotline.board.search')}
            onSearch={(v) => setFilters({ q: v.trim() || undefined })}
            style={{ maxWidth: 280 }}
          />
          <Select<string>
            allowClear
            value={filters.state}
            placeholder={t('hotline.list.allStates')}
            aria-label={t('hotline.list.state')}
            style={{ width: 130 }}
            onChange={(state) => setFilters({ state })}
            options={[
              { value: 'open', label: t('hotline.list.open') },
              { value: 'closed', label: t('hotline.list.closed') },
            ]}
          />
          <Select<string>
            allowClear
            value={filters.status}
            placeholder={t('hotline.list.allStatuses')}
            aria-label={t('hotline.order.status')}
            style={{ width: 140 }}
            onChange={(status) => setFilters({ status })}
            options={ORDER_STATUS_LIST.map((s) => ({ value: s, label: labelOf('hotline.status', s) }))}
          />
          <Select<string>
            allowClear
            value={filters.requestType}
            placeholder={t('hotline.list.allTypes')}
            aria-label={t('hotline.intake.requestType')}
            style={{ width: 130 }}
            onChange={(requestType) => setFilters({ requestType })}
            options={REQUEST_TYPE_LIST.map((s) => ({ value: s, label: labelOf('hotline.requestType', s) }))}
          />
          <Select<string>
            allowClear
            value={filters.townCode}
            placeholder={t('hotline.list.allTowns')}
            aria-label={t('hotline.intake.division')}
            style={{ width: 150 }}
            onChange={(townCode) => setFilters({ townCode })}
            options={(towns.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))}
          />
          <Select<string>
            allowClear
            value={filters.slaFlag}
            placeholder={t('hotline.list.allSla')}
            aria-label={t('hotline.order.sla')}
            style={{ width: 130 }}
            onChange={(slaFlag) => setFilters({ slaFlag })}
            options={SLA_FLAGS.map((s) => ({ value: s, label: t(`hotline.sla.${s}`) }))}
          />
        </Flex>
        {query.isError ? (
          <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Order>
          rowKey="id"
          columns={orderColumns(['number', 'title', 'status', 'category', 'place', 'unit', 'received', 'sla'])}
          dataSource={query.data?.items}
          loading={query.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={serverPagination({ page, pageSize, total: query.data?.total, onChange: setPage })}
          onRow={(o) => ({ onClick: () => void navigate(`/hotline/orders/${o.id}`), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: query.isPending ? (
              ' '
            ) : (
              <EmptyState description={filtered ? t('hotline.list.emptyFiltered') : t('hotline.list.empty')} />
            ),
          }}
          data-testid="order-table"
        />
      </Card>
    </PageContainer>
  )
}

import QuestionCircleOutlined from '@ant-design/icons/QuestionCircleOutlined'
import {
  Card,
  Col,
  Flex,
  Progress,
  Row,
  Statistic,
  Table,
  type TableColumnsType,
  Tabs,
  Tooltip,
  Typography,
} from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState, PageLoading } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import type { OnTimeRow, ZoneSavings } from '../api'
import { useOnTimeStats, useZoneSavings } from '../hooks'
import { formatYuan } from '../money'

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10)

/** Red below 80 %, gold below 95 %, green above: how leaders read 按时办结率 at a glance. */
const rateColor = (rate: number | null) =>
  rate === null ? undefined : rate < 0.8 ? '#cf1322' : rate < 0.95 ? '#d48806' : '#389e0d'

function RateCell({ rate }: { rate: number | null }) {
  const { t } = useTranslation()
  const p = percent(rate)
  if (p === null) return <Typography.Text type="secondary">{t('approval.stats.noRate')}</Typography.Text>
  return (
    <Flex gap={8} align="center">
      <Progress
        percent={p}
        size="small"
        showInfo={false}
        strokeColor={rateColor(rate)}
        style={{ width: 80, margin: 0 }}
      />
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{p}%</span>
    </Flex>
  )
}

function RowsTable({ rows, nameTitle }: { rows: OnTimeRow[]; nameTitle: string }) {
  const { t } = useTranslation()
  const columns: TableColumnsType<OnTimeRow> = [
    {
      key: 'name',
      title: nameTitle,
      render: (_, r) => (
        <span>
          {r.name}
          {r.key !== r.name ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
              {r.key}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    { key: 'finished', title: t('approval.stats.finished'), dataIndex: 'finished', width: 100, align: 'right' },
    { key: 'onTime', title: t('approval.stats.onTime'), dataIndex: 'onTime', width: 100, align: 'right' },
    { key: 'late', title: t('approval.stats.late'), dataIndex: 'late', width: 100, align: 'right' },
    {
      key: 'overdueOpen',
      title: t('approval.stats.overdueOpen'),
      dataIndex: 'overdueOpen',
      width: 120,
      align: 'right',
      render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : v),
    },
    {
      key: 'rate',
      title: t('approval.stats.rate'),
      dataIndex: 'rate',
      width: 170,
      sorter: (a, b) => (a.rate ?? -1) - (b.rate ?? -1),
      render: (rate: number | null) => <RateCell rate={rate} />,
    },
  ]
  return (
    <Table<OnTimeRow>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 760 }}
      locale={{ emptyText: <EmptyState description={t('approval.stats.empty')} /> }}
    />
  )
}

function ZoneCard({ data }: { data: ZoneSavings }) {
  const { t } = useTranslation()
  return (
    <Card title={t('approval.stats.zoneTitle')} data-testid="zone-savings" style={{ height: '100%' }}>
      <Flex gap={32} wrap>
        <Statistic title={t('approval.stats.zoneTotal')} value={formatYuan(data.totalYuan)} />
        <Statistic title={t('approval.stats.zoneCases')} value={data.cases} />
      </Flex>
      {data.byKind.length ? (
        <Table
          size="small"
          rowKey="kindCode"
          style={{ marginTop: 16 }}
          pagination={false}
          dataSource={data.byKind}
          columns={[
            { key: 'kind', title: t('approval.zone.kind'), dataIndex: 'kindName' },
            { key: 'cases', title: t('approval.stats.cases'), dataIndex: 'cases', width: 80, align: 'right' },
            {
              key: 'saving',
              title: t('approval.zone.saving'),
              dataIndex: 'savingYuan',
              width: 120,
              align: 'right',
              render: (v: number) => formatYuan(v),
            },
          ]}
        />
      ) : (
        <EmptyState description={t('approval.stats.zoneEmpty')} />
      )}
    </Card>
  )
}

/** 按时办结率 of theme approval by department, item and theme (server-computed), and the 区域评估 savings. */
export default function StatsPage() {
  const { t } = useTranslation()
  const stats = useOnTimeStats()
  const zone = useZoneSavings()

  let body: React.ReactNode
  if (stats.isError) body = <ErrorDisplay error={stats.error} onRetry={() => void stats.refetch()} />
  else if (!stats.data) body = <PageLoading />
  else {
    const { overall, definition } = stats.data
    const p = percent(overall.rate)
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card data-testid="on-time-overall" style={{ height: '100%' }}>
            <Statistic
              title={
                <Tooltip title={definition}>
                  <span style={{ cursor: 'help' }}>
                    {t('approval.stats.overall')} <QuestionCircleOutlined aria-label={t('approval.stats.definition')} />
                  </span>
                </Tooltip>
              }
              value={p ?? t('approval.stats.noRate')}
              suffix={p === null ? undefined : '%'}
              styles={{ content: { fontSize: 48, color: rateColor(overall.rate) } }}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('approval.stats.overallLine', overall)}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
              {definition}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          {zone.isError ? (
            <ErrorDisplay error={zone.error} onRetry={() => void zone.refetch()} />
          ) : zone.data ? (
            <ZoneCard data={zone.data} />
          ) : (
            <PageLoading minHeight={160} />
          )}
        </Col>
        <Col span={24}>
          <Card>
            <Tabs
              items={[
                {
                  key: 'department',
                  label: t('approval.stats.byDepartment'),
                  children: <RowsTable rows={stats.data.byDepartment} nameTitle={t('approval.stats.department')} />,
                },
                {
                  key: 'item',
                  label: t('approval.stats.byItem'),
                  children: <RowsTable rows={stats.data.byItem} nameTitle={t('approval.stats.item')} />,
                },
                {
                  key: 'theme',
                  label: t('approval.stats.byTheme'),
                  children: <RowsTable rows={stats.data.byTheme} nameTitle={t('approval.stats.theme')} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    )
  }
  return (
    <PageContainer title={t('approval.stats.title')} description={t('approval.stats.description')}>
      {body}
    </PageContainer>
  )
}

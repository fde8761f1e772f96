import DownloadOutlined from '@ant-design/icons/DownloadOutlined'
import QuestionCircleOutlined from '@ant-design/icons/QuestionCircleOutlined'
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Segmented,
  Statistic,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { lazy, Suspense, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState, PageLoading } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import { STATS_GROUP_LIST, type StatsGroup, type StatsRow, statsExportUrl } from '../api'
import { StatsConventions } from '../components/stats-conventions'
import { useStats } from '../hooks'

// ECharts is big: its chunk loads only when the chart is drawn (UI.md: charts load on demand).
const StatsChart = lazy(() => import('../components/stats-chart'))

type RateKey = keyof StatsRow['fractions']
const RATES: RateKey[] = [
  'responseRate',
  'solveRate',
  'satisfactionRate',
  'closeRate',
  'onTimeRate',
  'onTimeReplyRate',
  'followupRate',
  'validFollowupRate',
]
/** 三率 first: 响应率, 解决率, 满意率 (the Beijing 接诉即办 measures), then the Shandong 办结 measures. */
const THREE: RateKey[] = ['responseRate', 'solveRate', 'satisfactionRate']

const pct = (rate: number | null) => (rate === null ? null : (rate * 100).toFixed(2))
const rateColor = (rate: number | null) =>
  rate === null ? undefined : rate < 0.8 ? '#cf1322' : rate < 0.9 ? '#d48806' : '#389e0d'

/** A rate as a percentage with 2 decimals (the server rounds to 4), its fraction on hover. */
function RateText({ rate, fraction }: { rate: number | null; fraction?: StatsRow['fractions'][RateKey] }) {
  const { t } = useTranslation()
  const p = pct(rate)
  if (p === null) return <Typography.Text type="secondary">{t('hotline.stats.noRate')}</Typography.Text>
  const text = <span style={{ color: rateColor(rate), fontVariantNumeric: 'tabular-nums' }}>{p}%</span>
  return fraction ? <Tooltip title={`${fraction.numerator} / ${fraction.denominator}`}>{text}</Tooltip> : text
}

/** 统计分析: 三率 and 办结 measures by unit, town, category or month; chart, table and the same as .xlsx. */
export default function StatsPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const groupBy: StatsGroup = STATS_GROUP_LIST.includes(params.get('groupBy') as StatsGroup)
    ? (params.get('groupBy') as StatsGroup)
    : 'unit'
  const from = params.get('from') ?? dayjs().startOf('year').format('YYYY-MM-DD')
  const to = params.get('to') ?? dayjs().format('YYYY-MM-DD')
  const query = { groupBy, from, to }
  const stats = useStats(query)
  const set = (patch: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [k, v] of Object.entries(patch)) next.set(k, v)
        return next
      },
      { replace: true },
    )

  const data = stats.data
  const help = (key: RateKey) => t(`hotline.stats.definitions.${key}`)

  const columns: TableColumnsType<StatsRow> = [
    {
      key: 'name',
      title: t(`hotline.stats.groupName.${groupBy}`),
      dataIndex: 'name',
      fixed: 'left',
      width: 180,
    },
    ...(
      [
        'total',
        'dispatched',
        'cohort',
        'closed',
        'closedOnTime',
        'satisfied',
        'basicallySatisfied',
        'unsatisfied',
      ] as const
    ).map((k) => ({
      key: k,
      title: t(`hotline.stats.counts.${k}`),
      dataIndex: k,
      width: 90,
      align: 'right' as const,
      sorter: (a: StatsRow, b: StatsRow) => a[k] - b[k],
    })),
    ...RATES.map((k) => ({
      key: k,
      title: (
        <Tooltip title={help(k)}>
          <span style={{ cursor: 'help' }}>{t(`hotline.stats.rates.${k}`)}</span>
        </Tooltip>
      ),
      dataIndex: k,
      width: 100,
      align: 'right' as const,
      sorter: (a: StatsRow, b: StatsRow) => (a[k] ?? -1) - (b[k] ?? -1),
      render: (v: number | null, row: StatsRow) => <RateText rate={v} fraction={row.fractions[k]} />,
    })),
  ]

  const chart = useMemo(() => {
    const rows = data?.rows ?? []
    return {
      categories: rows.map((r) => r.name),
      series: [
        {
          name: t('hotline.stats.counts.total'),
          kind: 'bar' as const,
          axis: 'count' as const,
          values: rows.map((r) => r.total),
        },
        {
          name: t('hotline.stats.counts.closed'),
          kind: 'bar' as const,
          axis: 'count' as const,
          values: rows.map((r) => r.closed),
        },
        ...THREE.map((k) => ({
          name: t(`hotline.stats.rates.${k}`),
          kind: 'line' as const,
          axis: 'rate' as const,
          values: rows.map((r) => (r[k] === null ? null : Math.round(r[k] * 10000) / 100)),
        })),
      ],
    }
  }, [data, t])

  return (
    <PageContainer
      title={t('hotline.stats.title')}
      description={t('hotline.stats.description')}
      extra={
        <Button icon={<DownloadOutlined />} href={statsExportUrl(query)} download data-testid="stats-export">
          {t('hotline.stats.export')}
        </Button>
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center">
          <Segmented<StatsGroup>
            value={groupBy}
            onChange={(v) => set({ groupBy: v })}
            options={STATS_GROUP_LIST.map((g) => ({ value: g, label: t(`hotline.stats.groups.${g}`) }))}
          />
          <DatePicker.RangePicker
            aria-label={t('hotline.stats.period')}
            allowClear={false}
            value={[dayjs(from), dayjs(to)]}
            onChange={(range) => {
              const [a, b] = (range ?? []) as [Dayjs | null, Dayjs | null]
              if (a && b) set({ from: a.format('YYYY-MM-DD'), to: b.format('YYYY-MM-DD') })
            }}
          />
          <Typography.Text type="secondary">{t('hotline.stats.periodHelp')}</Typography.Text>
        </Flex>
      </Card>
      {stats.isError ? <ErrorDisplay error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      {!data ? (
        stats.isError ? null : (
          <PageLoading />
        )
      ) : (
        <>
          <StatsConventions settings={data.settings} />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="stats-overall">
            <Col xs={12} md={8} xl={{ flex: '0 0 20%' }}>
              <Card size="small" style={{ height: '100%' }}>
                <Statistic title={t('hotline.stats.counts.total')} value={data.overall.total} />
              </Card>
            </Col>
            {RATES.map((k) => (
              <Col key={k} xs={12} md={8} xl={{ flex: '0 0 20%' }}>
                <Card size="small" style={{ height: '100%' }} data-testid={`stats-${k}`}>
                  <Statistic
                    title={
                      <Tooltip title={help(k)}>
                        <span style={{ cursor: 'help' }}>
                          {t(`hotline.stats.rates.${k}`)}{' '}
                          <QuestionCircleOutlined aria-label={t('hotline.stats.definition')} />
                        </span>
                      </Tooltip>
                    }
                    value={pct(data.overall[k]) ?? t('hotline.stats.noRate')}
                    suffix={data.overall[k] === null ? undefined : '%'}
                    styles={{ content: { color: rateColor(data.overall[k]) } }}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`stats-${k}-fraction`}>
                    {data.overall.fractions[k].numerator} / {data.overall.fractions[k].denominator}
                  </Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Card
            title={t('hotline.stats.chartTitle', { group: t(`hotline.stats.groups.${groupBy}`) })}
            style={{ marginBottom: 16 }}
          >
            {data.rows.length ? (
              <Suspense fallback={<PageLoading minHeight={340} />}>
                <StatsChart
                  categories={chart.categories}
                  series={chart.series}
                  label={t('hotline.stats.chartTitle', { group: t(`hotline.stats.groups.${groupBy}`) })}
                />
              </Suspense>
            ) : (
              <EmptyState description={t('hotline.stats.empty')} />
            )}
          </Card>
          <Card title={t('hotline.stats.tableTitle')}>
            <Table<StatsRow>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={data.rows}
              pagination={data.rows.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
              scroll={{ x: 1800 }}
              locale={{ emptyText: <EmptyState description={t('hotline.stats.empty')} /> }}
              data-testid="stats-table"
              summary={() =>
                data.rows.length > 1 ? (
                  <Table.Summary.Row>
                    {columns.map((c, i) => {
                      const key = String(c.key) as keyof StatsRow
                      const v = data.overall[key]
                      return (
                        <Table.Summary.Cell key={String(c.key)} index={i} align={i === 0 ? 'left' : 'right'}>
                          {i === 0 ? (
                            <Typography.Text strong>{t('hotline.stats.overall')}</Typography.Text>
                          ) : RATES.includes(key as RateKey) ? (
                            <RateText rate={v as number | null} fraction={data.overall.fractions[key as RateKey]} />
                          ) : (
                            <Typography.Text strong>{String(v)}</Typography.Text>
                          )}
                        </Table.Summary.Cell>
                      )
                    })}
                  </Table.Summary.Row>
                ) : null
              }
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
              {t('hotline.stats.fractionNote')}
            </Typography.Paragraph>
          </Card>
        </>
      )}
    </PageContainer>
  )
}

import { Card, Col, Flex, Progress, Row, Statistic, Table, type TableColumnsType, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState, PageLoading } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { type RatingStats, RECTIFICATION_STATES } from '../api'
import { RectificationTag } from '../components/rectification-tag'
import { useRatingStats } from '../hooks'

type DeptRow = RatingStats['items'][number]
const LEVELS = ['5', '4', '3', '2', '1'] as const
const OPEN_STATES = ['callback', 'rectifying', 'appeal_review']
const LEVEL_COLORS: Record<string, string> = {
  '5': '#389e0d',
  '4': '#52c41a',
  '3': '#d48806',
  '2': '#d4380d',
  '1': '#a8071a',
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10)
const sum = (r: Record<string, number>, keys: readonly string[]) => keys.reduce((a, k) => a + (r[k] ?? 0), 0)

function Rate({ rate, danger }: { rate: number | null; danger?: boolean }) {
  const { t } = useTranslation()
  const p = percent(rate)
  if (p === null) return <Typography.Text type="secondary">{t('rating.stats.noRate')}</Typography.Text>
  return (
    <Typography.Text type={danger && p > 0 ? 'danger' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {p}%
    </Typography.Text>
  )
}

/** Bars of the ratings per level, with count and share (text, so the figures do not rely on colour). */
function LevelBars({ counts, total }: { counts: Record<string, number>; total: number }) {
  const { t } = useTranslation()
  return (
    <Flex vertical gap={8} data-testid="rating-levels">
      {LEVELS.map((l) => {
        const n = counts[l] ?? 0
        const p = total ? Math.round((n / total) * 1000) / 10 : 0
        return (
          <Flex key={l} gap={12} align="center" data-level={l} data-count={n}>
            <span style={{ width: 96, flex: 'none' }}>{labelOf('rating.levels', l)}</span>
            <Progress
              percent={p}
              showInfo={false}
              strokeColor={LEVEL_COLORS[l]}
              style={{ flex: 1, margin: 0 }}
              aria-label={t('rating.stats.levelCount', { level: labelOf('rating.levels', l), count: n })}
            />
            <span style={{ width: 120, flex: 'none', fontVariantNumeric: 'tabular-nums' }}>
              {n} · {t('rating.stats.share', { percent: p })}
            </span>
          </Flex>
        )
      })}
    </Flex>
  )
}

/** A level as a column header: its short form, spelt out for assistive technology where it is abbreviated. */
function LevelHeader({ level }: { level: string }) {
  const full = labelOf('rating.levels', level)
  const short = labelOf('rating.levelsShort', level)
  return short === full ? <span>{full}</span> : <abbr title={full}>{short}</abbr>
}

function DepartmentTable({ rows }: { rows: DeptRow[] }) {
  const { t } = useTranslation()
  const columns: TableColumnsType<DeptRow> = [
    {
      key: 'department',
      title: t('rating.stats.department'),
      dataIndex: 'departmentName',
      fixed: 'left',
      width: 160,
      render: (name: string | null) => name ?? t('rating.list.noDepartment'),
    },
    { key: 'total', title: t('rating.stats.total'), dataIndex: 'total', width: 72, align: 'right' },
    ...LEVELS.map((l) => ({
      key: `level-${l}`,
      title: <LevelHeader level={l} />,
      width: 80,
      align: 'right' as const,
      render: (_: unknown, r: DeptRow) => r.counts[l] ?? 0,
    })),
    { key: 'bad', title: t('rating.stats.bad'), dataIndex: 'bad', width: 64, align: 'right' },
    {
      key: 'badRate',
      title: t('rating.stats.badRate'),
      dataIndex: 'badRate',
      width: 92,
      align: 'right',
      sorter: (a, b) => (a.badRate ?? -1) - (b.badRate ?? -1),
      render: (rate: number | null) => <Rate rate={rate} danger />,
    },
    {
      key: 'satisfaction',
      title: t('rating.stats.satisfaction'),
      dataIndex: 'satisfaction',
      width: 104,
      align: 'right',
      sorter: (a, b) => (a.satisfaction ?? -1) - (b.satisfaction ?? -1),
      render: (rate: number | null) => <Rate rate={rate} />,
    },
    {
      key: 'rectification',
      title: t('rating.stats.rectifications'),
      width: 170,
      render: (_, r) =>
        r.rectifications ? (
          <Flex wrap gap={4}>
            {RECTIFICATION_STATES.filter((s) => r.rectification[s]).map((s) => (
              <span key={s}>
                <RectificationTag state={s} /> {r.rectification[s]}
              </span>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('rating.stats.noRate')}</Typography.Text>
        ),
    },
  ]
  return (
    <Table<DeptRow>
      size="small"
      rowKey={(r) => r.departmentId ?? '-'}
      data-testid="rating-departments"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 1040 }}
      locale={{ emptyText: <EmptyState description={t('rating.stats.empty')} /> }}
    />
  )
}

/** 好差评 statistics: counts per level, 差评 rate, rectification progress, per answerable department. */
export default function RatingStatsPage() {
  const { t } = useTranslation()
  const stats = useRatingStats()
  let body: React.ReactNode
  if (stats.isError) body = <ErrorDisplay error={stats.error} onRetry={() => void stats.refetch()} />
  else if (!stats.data) body = <PageLoading />
  else {
    const { overall, items, weights } = stats.data
    const open = sum(overall.rectification, OPEN_STATES)
    const closed = overall.rectifications - open
    const satisfaction = percent(overall.satisfaction)
    const badRate = percent(overall.badRate)
    body = (
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card data-testid="rating-overall">
            <Flex gap={40} wrap>
              <Statistic title={t('rating.stats.total')} value={overall.total} />
              <Statistic
                title={t('rating.stats.satisfaction')}
                value={satisfaction ?? t('rating.stats.noRate')}
                suffix={satisfaction === null ? undefined : '%'}
              />
              <Statistic title={t('rating.stats.bad')} value={overall.bad} />
              <Statistic
                title={t('rating.stats.badRate')}
                value={badRate ?? t('rating.stats.noRate')}
                suffix={badRate === null ? undefined : '%'}
              />
              <Statistic title={t('rating.stats.inProgress')} value={open} />
              <Statistic title={t('rating.stats.finished')} value={closed} />
            </Flex>
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
              {t('rating.stats.weights', {
                weights: LEVELS.map((l) => `${labelOf('rating.levels', l)} ${weights[l] ?? 0}`).join(' · '),
              })}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('rating.stats.byLevel')} style={{ height: '100%' }}>
            <LevelBars counts={overall.counts} total={overall.total} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('rating.stats.byState')} style={{ height: '100%' }} data-testid="rating-states">
            {overall.rectifications ? (
              <Flex vertical gap={8}>
                {RECTIFICATION_STATES.map((s) => (
                  <Flex key={s} justify="space-between" align="center" data-state={s}>
                    <RectificationTag state={s} />
                    <span style={{ fontVariantNumeric: 'tabular-nums' }}>{overall.rectification[s] ?? 0}</span>
                  </Flex>
                ))}
              </Flex>
            ) : (
              <EmptyState description={t('rating.stats.empty')} />
            )}
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('rating.stats.byDepartment')}>
            <DepartmentTable rows={items} />
          </Card>
        </Col>
      </Row>
    )
  }
  return (
    <PageContainer title={t('rating.stats.title')} description={t('rating.stats.description')}>
      {body}
    </PageContainer>
  )
}

import ArrowLeftOutlined from '@ant-design/icons/ArrowLeftOutlined'
import QuestionCircleOutlined from '@ant-design/icons/QuestionCircleOutlined'
import { Button, Card, Col, Descriptions, Flex, List, Row, Statistic, Table, Tag, Tooltip, Typography } from 'antd'
import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useAccess } from '../../../access'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState, PageLoading } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { useOrders } from '../../hotline/hooks'
import { PolicyLevelTag } from '../../policy/components/tags'
import { useEnterpriseMatches } from '../../policy/hooks'
import { formatDate, formatDateTime } from '../../workflow/format'
import type { EnterpriseProfileView, ServiceRequest } from '../api'
import { RequestDrawer } from '../components/request-drawer'
import { RatingTag, RequestStatusTag, ScaleTag } from '../components/tags'
import { useProfile } from '../hooks'
import '../enterprise.css'

// ECharts is big: its chunk loads only when the profile draws its charts (UI.md: charts load on demand).
const ProfileChart = lazy(() => import('../components/profile-chart'))
const num = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 })

/**
 * 企业画像 (staff): key figures, tags and scale; charts of revenue, R&D and employees and of the service requests by
 * module; the policies the enterprise matched with why; its service history and approval cases.
 */
export default function EnterpriseProfilePage() {
  const { uscc } = useParams()
  const profile = useProfile(uscc)
  if (profile.isPending) return <PageLoading />
  if (profile.isError) return <ErrorDisplay error={profile.error} onRetry={() => void profile.refetch()} />
  return <ProfileView view={profile.data} />
}

function ProfileView({ view }: { view: EnterpriseProfileView }) {
  const { t } = useTranslation()
  const { can } = useAccess()
  const [openRequest, setOpenRequest] = useState<string | null>(null)
  const e = view.enterprise
  const k = view.keyFigures
  const matches = useEnterpriseMatches(e.uscc, can('policy:read'))
  const figures = [
    { key: 'employees', value: num.format(k.employees), suffix: t('enterprise.units.people') },
    { key: 'revenueWan', value: num.format(k.revenueWan), suffix: t('enterprise.units.wan') },
    { key: 'rndWan', value: num.format(k.rndWan), suffix: t('enterprise.units.wan') },
    {
      key: 'rndIntensity',
      value: k.rndIntensity === null ? '—' : `${(k.rndIntensity * 100).toFixed(1)}%`,
      suffix: '',
      help: t('enterprise.profile.rndIntensityHelp'),
    },
    { key: 'ageYears', value: String(k.ageYears), suffix: t('enterprise.units.years') },
    { key: 'verifiedUsers', value: String(k.verifiedUsers), suffix: '' },
  ] as const

  return (
    <PageContainer
      title={e.name}
      description={
        <Flex gap={6} wrap align="center">
          <Typography.Text type="secondary" copyable style={{ fontFamily: 'monospace' }}>
            {e.uscc}
          </Typography.Text>
          <Tooltip title={t('enterprise.profile.scaleHelp')}>
            <span>
              <ScaleTag scale={e.scale} />
            </span>
          </Tooltip>
          {e.tags.map((tag) => (
            <Tag key={tag} color="blue" style={{ marginInlineEnd: 0 }}>
              {tag}
            </Tag>
          ))}
        </Flex>
      }
      extra={
        <Link to="/enterprise/enterprises">
          <Button icon={<ArrowLeftOutlined />}>{t('enterprise.profile.back')}</Button>
        </Link>
      }
    >
      <Card title={t('enterprise.profile.keyFigures')} style={{ marginBottom: 16 }}>
        <Row gutter={[16, 16]} className="ruyu-enterprise-figure" data-testid="key-figures">
          {figures.map((f) => (
            <Col key={f.key} xs={12} md={8} xl={4}>
              <Statistic
                title={
                  'help' in f ? (
                    <Tooltip title={f.help}>
                      {t(`enterprise.fields.${f.key}`)} <QuestionCircleOutlined />
                    </Tooltip>
                  ) : (
                    t(`enterprise.fields.${f.key}`)
                  )
                }
                value={f.value}
                suffix={f.suffix}
              />
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('enterprise.profile.charts')} style={{ height: '100%' }}>
            <Suspense fallback={<PageLoading minHeight={260} />}>
              <ProfileChart
                label={t('enterprise.profile.chartLabel', { name: e.name })}
                moneyUnit={t('enterprise.units.wan')}
                countUnit={t('enterprise.units.people')}
                bars={[
                  { name: t('enterprise.fields.revenueWan'), value: k.revenueWan, axis: 'money', color: '#1f5fbf' },
                  { name: t('enterprise.fields.rndWan'), value: k.rndWan, axis: 'money', color: '#13a8a8' },
                  { name: t('enterprise.fields.employees'), value: k.employees, axis: 'count', color: '#fa8c16' },
                ]}
              />
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('enterprise.profile.requestsChart')} style={{ height: '100%' }}>
            {view.requests.total === 0 ? (
              <EmptyState description={t('enterprise.profile.requestsEmpty')} />
            ) : (
              <Suspense fallback={<PageLoading minHeight={260} />}>
                <ProfileChart
                  label={t('enterprise.profile.requestsChart')}
                  moneyUnit=""
                  countUnit=""
                  bars={view.requests.byModule.map((m) => ({
                    name: labelOf('enterprise.module', m.module),
                    value: m.total,
                    axis: 'count',
                    color: '#722ed1',
                  }))}
                />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('enterprise.profile.basics')}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'legal', label: t('enterprise.fields.legalRepresentative'), children: e.legalRepresentative },
                {
                  key: 'industry',
                  label: t('enterprise.fields.industry'),
                  children: `${e.industryCode} ${e.industryName ?? ''}`,
                },
                { key: 'division', label: t('enterprise.fields.division'), children: e.divisionName ?? e.divisionCode },
                { key: 'park', label: t('enterprise.fields.park'), children: e.parkName ?? '—' },
                { key: 'founded', label: t('enterprise.fields.foundedOn'), children: formatDate(e.foundedOn) },
                {
                  key: 'assets',
                  label: t('enterprise.fields.assetsWan'),
                  children: e.assetsWan === null ? '—' : num.format(e.assetsWan),
                },
                { key: 'address', label: t('enterprise.fields.address'), children: e.address ?? '—' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('enterprise.profile.matched')} data-testid="profile-policies">
            {matches.isError ? <ErrorDisplay error={matches.error} /> : null}
            <List
              loading={matches.isPending && can('policy:read')}
              dataSource={matches.data ?? []}
              locale={{ emptyText: <EmptyState description={t('enterprise.profile.matchedEmpty')} /> }}
              renderItem={(m) => (
                <List.Item key={m.policy.id} style={{ display: 'block', paddingInline: 0 }}>
                  <Flex gap={6} align="center" wrap>
                    <PolicyLevelTag level={m.policy.level} />
                    <Link to={`/policy/library/${m.policy.id}`}>{m.policy.title}</Link>
                  </Flex>
                  <Flex gap={4} wrap style={{ marginTop: 4 }}>
                    {m.reasons.map((r) => (
                      <Tag key={r} style={{ marginInlineEnd: 0 }}>
                        {r}
                      </Tag>
                    ))}
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('enterprise.profile.requests')}>
            <Table<ServiceRequest>
              rowKey="id"
              size="small"
              dataSource={view.requests.recent}
              pagination={false}
              onRow={(r) => ({ onClick: () => setOpenRequest(r.id), style: { cursor: 'pointer' } })}
              locale={{ emptyText: <EmptyState description={t('enterprise.profile.requestsEmpty')} /> }}
              columns={[
                { key: 'number', title: t('enterprise.request.number'), dataIndex: 'number' },
                {
                  key: 'service',
                  title: t('enterprise.request.service'),
                  render: (_, r) => `${labelOf('enterprise.module', r.module)} · ${r.serviceName}`,
                },
                { key: 'provider', title: t('enterprise.request.provider'), dataIndex: 'providerName' },
                {
                  key: 'status',
                  title: t('enterprise.request.status'),
                  render: (_, r) => <RequestStatusTag status={r.status} />,
                },
                {
                  key: 'rating',
                  title: t('enterprise.request.rating'),
                  render: (_, r) => (r.rating ? <RatingTag level={r.rating.level} /> : '—'),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('enterprise.profile.cases')}>
            <List
              dataSource={view.approvalCases.items}
              locale={{ emptyText: <EmptyState description={t('enterprise.profile.casesEmpty')} /> }}
              renderItem={(c) => (
                <List.Item key={c.id} style={{ paddingInline: 0 }}>
                  <Flex vertical>
                    <Link to={`/approval/cases/${c.id}`}>{c.title}</Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.number} · {formatDateTime(c.submittedAt)}
                    </Typography.Text>
                  </Flex>
                  <Tag>{labelOf('approval.status', c.status)}</Tag>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      {can('hotline:read') ? <HotlineOrders uscc={e.uscc} /> : null}
      <RequestDrawer id={openRequest} onClose={() => setOpenRequest(null)} />
    </PageContainer>
  )
}

/** 12345 orders that named this enterprise (企业诉求), newest first. */
function HotlineOrders({ uscc }: { uscc: string }) {
  const { t } = useTranslation()
  const orders = useOrders({ enterpriseUscc: uscc, page: 1, pageSize: 10 })
  return (
    <Card title={t('enterprise.profile.hotline')} style={{ marginTop: 16 }} data-testid="profile-hotline">
      {orders.isError ? <ErrorDisplay error={orders.error} /> : null}
      <List
        loading={orders.isPending}
        dataSource={orders.data?.items ?? []}
        locale={{ emptyText: <EmptyState description={t('enterprise.profile.hotlineEmpty')} /> }}
        renderItem={(o) => (
          <List.Item key={o.id} style={{ paddingInline: 0 }}>
            <Flex vertical>
              <Link to={`/hotline/orders/${o.id}`}>{o.title}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {o.number} · {formatDateTime(o.receivedAt)} · {o.unit?.name ?? '—'}
              </Typography.Text>
            </Flex>
            <Tag>{o.statusName}</Tag>
          </List.Item>
        )}
      />
    </Card>
  )
}

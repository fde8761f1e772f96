import RightOutlined from '@ant-design/icons/RightOutlined'
import { Button, Card, Col, Empty, Flex, Row, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useAccess } from '../../../access'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState, PageLoading } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { MyPolicies } from '../../policy/components/my-policies'
import { MyQuestions } from '../../policy/components/my-questions'
import { useMyPolicies } from '../../policy/hooks'
import '../../policy/policy.css'
import { formatDateTime } from '../../workflow/format'
import { type EnterpriseService, MODULE_LIST, type ServiceRequest } from '../api'
import { MembershipNotice } from '../components/membership-notice'
import { RequestDialog } from '../components/request-dialog'
import { RequestDrawer } from '../components/request-drawer'
import { RatingTag, RequestStatusTag, ScaleTag } from '../components/tags'
import { useCatalogue, useMyEnterprise, useMyMembership, useRequests } from '../hooks'
import '../enterprise.css'

/**
 * 企业服务首页 (enterprise accounts): the policies matched to the enterprise with the reasons and unread markers,
 * the service hall by module (融资/人才/供需/法律/科技) with services to request, my requests (status, rating)
 * and my policy questions. `?service=CODE` (the "apply" link of a policy) opens that service's request form.
 */
export default function PortalPage() {
  const { t } = useTranslation()
  const { user, can } = useAccess()
  const [params, setParams] = useSearchParams()
  const membership = useMyMembership()
  const enterprise = useMyEnterprise(membership.data?.status === 'verified')
  const catalogue = useCatalogue()
  const unread = useMyPolicies({ page: 1, pageSize: 1, unreadOnly: true })
  const [applying, setApplying] = useState<EnterpriseService | null>(null)
  const [openRequest, setOpenRequest] = useState<string | null>(null)
  const canRequest = can('enterprise:service-request')

  // The "apply" link of a policy: open the service's form once the catalogue is there.
  const wanted = params.get('service')
  useEffect(() => {
    if (!wanted || !catalogue.data) return
    const service = catalogue.data.modules.flatMap((m) => m.services).find((s) => s.code === wanted)
    if (service) setApplying(service)
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        next.delete('service')
        return next
      },
      { replace: true },
    )
  }, [wanted, catalogue.data, setParams])

  // Only the first load shows the spinner: a refetch of a failed query is "pending" again, and unmounting the
  // cards for it remounted their queries, which refetched the membership: a loop of ~50 requests a second.
  if (!membership.isFetched) return <PageLoading />
  const m = membership.data
  const name = m?.enterpriseName ?? user?.displayName ?? ''
  const unreadCount = unread.data?.unread ?? 0

  return (
    <PageContainer
      title={t('enterprise.portal.title')}
      description={t('enterprise.portal.description')}
      extra={
        can('enterprise:board') ? (
          <Link to="/enterprise/board">
            <Button>{t('enterprise.portal.board')}</Button>
          </Link>
        ) : null
      }
    >
      {membership.isError ? <ErrorDisplay error={membership.error} style={{ marginBottom: 16 }} /> : null}
      <MembershipNotice />
      <Card style={{ marginBottom: 16 }} data-testid="portal-welcome">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('enterprise.portal.welcome', { name })}
            </Typography.Title>
            {enterprise.data ? (
              <Flex gap={6} wrap style={{ marginTop: 8 }}>
                <ScaleTag scale={enterprise.data.scale} />
                {enterprise.data.industryName ? <Tag>{enterprise.data.industryName}</Tag> : null}
                {enterprise.data.divisionName ? <Tag>{enterprise.data.divisionName}</Tag> : null}
                {enterprise.data.parkName ? <Tag>{enterprise.data.parkName}</Tag> : null}
                {enterprise.data.tags.map((tag) => (
                  <Tag key={tag} color="blue">
                    {tag}
                  </Tag>
                ))}
              </Flex>
            ) : null}
          </div>
          {m ? (
            <Typography.Text type="secondary" copyable={{ text: m.uscc }}>
              {t('enterprise.fields.uscc')} {m.uscc}
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={
              <Flex gap={8} align="center">
                {t('enterprise.portal.policies')}
                {unreadCount ? (
                  <Tag color="volcano" data-testid="unread-count">
                    {t('enterprise.portal.policiesUnread', { count: unreadCount })}
                  </Tag>
                ) : null}
              </Flex>
            }
            extra={
              <Link to="/policy/mine">
                {t('enterprise.portal.allPolicies')} <RightOutlined />
              </Link>
            }
            style={{ marginBottom: 16 }}
          >
            <MyPolicies pageSize={5} />
          </Card>
          <Card title={t('enterprise.portal.services')} style={{ marginBottom: 16 }} data-testid="service-hall">
            {catalogue.isError ? (
              <ErrorDisplay error={catalogue.error} onRetry={() => void catalogue.refetch()} />
            ) : null}
            {catalogue.isPending ? <PageLoading minHeight={120} /> : null}
            {catalogue.data ? (
              <Tabs
                items={MODULE_LIST.map((key) => {
                  const services = catalogue.data.modules.find((mod) => mod.key === key)?.services ?? []
                  return {
                    key,
                    label: labelOf('enterprise.module', key),
                    children: (
                      <>
                        <Typography.Paragraph type="secondary">
                          {labelOf('enterprise.moduleHint', key)}
                        </Typography.Paragraph>
                        {services.length === 0 ? (
                          <Empty
                            image={Empty.PRESENTED_IMAGE_SIMPLE}
                            description={t('enterprise.portal.servicesEmpty')}
                          />
                        ) : (
                          <Row gutter={[12, 12]}>
                            {services.map((s) => (
                              <Col key={s.id} xs={24} md={12}>
                                <Card size="small" style={{ height: '100%' }} data-testid="service-card">
                                  <Flex vertical gap={6} style={{ height: '100%' }}>
                                    <Typography.Text strong>{s.name}</Typography.Text>
                                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                      {t('enterprise.portal.provider', { name: s.providerName })}
                                    </Typography.Text>
                                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, flex: 1 }}>
                                      {s.description}
                                    </Typography.Paragraph>
                                    <div>
                                      <Button
                                        size="small"
                                        type="primary"
                                        disabled={!canRequest}
                                        onClick={() => setApplying(s)}
                                        aria-label={`${t('enterprise.portal.apply')} ${s.name}`}
                                      >
                                        {t('enterprise.portal.apply')}
                                      </Button>
                                    </div>
                                  </Flex>
                                </Card>
                              </Col>
                            ))}
                          </Row>
                        )}
                      </>
                    ),
                  }
                })}
              />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('enterprise.portal.requests')} style={{ marginBottom: 16 }}>
            <MyRequests onOpen={setOpenRequest} enabled={canRequest} />
          </Card>
          <Card title={t('enterprise.portal.questions')}>
            <MyQuestions pageSize={5} />
          </Card>
        </Col>
      </Row>
      <RequestDialog
        service={applying}
        defaultContact={{ name: user?.displayName }}
        onClose={() => setApplying(null)}
      />
      <RequestDrawer id={openRequest} onClose={() => setOpenRequest(null)} />
    </PageContainer>
  )
}

function MyRequests({ onOpen, enabled }: { onOpen: (id: string) => void; enabled: boolean }) {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const list = useRequests('mine', { page, pageSize: 8 }, enabled)
  const columns = useMemo<TableColumnsType<ServiceRequest>>(
    () => [
      {
        key: 'service',
        title: t('enterprise.request.service'),
        render: (_, r) => (
          <Flex vertical>
            <Typography.Text>{r.serviceName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.number} · {formatDateTime(r.submittedAt)}
            </Typography.Text>
          </Flex>
        ),
      },
      {
        key: 'status',
        title: t('enterprise.request.status'),
        render: (_, r) => <RequestStatusTag status={r.status} />,
      },
      {
        key: 'rating',
        title: t('enterprise.request.rating'),
        render: (_, r) =>
          r.rating ? (
            <RatingTag level={r.rating.level} />
          ) : r.status === 'completed' ? (
            <Button size="small" type="link" style={{ padding: 0 }}>
              {t('enterprise.action.rate')}
            </Button>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          ),
      },
    ],
    [t],
  )
  if (list.isError) return <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} />
  return (
    <Table<ServiceRequest>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={list.data?.items ?? []}
      loading={enabled && list.isPending}
      pagination={
        (list.data?.total ?? 0) > 8
          ? { current: page, pageSize: 8, total: list.data?.total ?? 0, onChange: setPage, size: 'small' }
          : false
      }
      onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
      locale={{
        emptyText: list.isPending && enabled ? ' ' : <EmptyState description={t('enterprise.portal.requestsEmpty')} />,
      }}
      data-testid="my-requests"
    />
  )
}

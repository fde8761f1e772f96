import ArrowLeftOutlined from '@ant-design/icons/ArrowLeftOutlined'
import QuestionCircleOutlined from '@ant-design/icons/QuestionCircleOutlined'
import SendOutlined from '@ant-design/icons/SendOutlined'
import { Button, Card, Col, Collapse, Descriptions, Flex, Row, Tabs, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useAccess } from '../../../access'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState, PageLoading } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { ApiError } from '../../../shared/request'
import { formatDate, formatDateTime } from '../../workflow/format'
import { INTERPRETATION_KIND_LIST, type PolicyDetail } from '../api'
import { AskDialog } from '../components/ask-dialog'
import { PolicyLevelTag, PolicyStatusTag } from '../components/tags'
import { useMarkPolicyRead, usePolicy } from '../hooks'
import '../policy.css'

/**
 * 政策详情: the policy's benefit and full text, the rule in words, interpretations of the four kinds, FAQs, the
 * "apply" link to the related service and "ask a question". An enterprise sees why it was pushed the policy.
 */
export default function PolicyDetailPage() {
  const { t } = useTranslation()
  const { id } = useParams()
  const { can } = useAccess()
  const staff = can('policy:read')
  const enterprise = can('policy:ask')
  const primary = usePolicy(id, staff ? 'staff' : enterprise ? 'mine' : 'public')
  // An enterprise opening a policy it was not matched to: the public view has the same text.
  const fallback = usePolicy(
    primary.error instanceof ApiError && primary.error.status === 404 && enterprise ? id : undefined,
    'public',
  )
  const query = fallback.data ? fallback : primary
  const markRead = useMarkPolicyRead()
  const unreadId = query.data?.myMatch && !query.data.myMatch.readAt ? query.data.id : null
  // biome-ignore lint/correctness/useExhaustiveDependencies: mark once per policy opened
  useEffect(() => {
    if (unreadId) markRead.mutate(unreadId)
  }, [unreadId])

  if (query.isPending || fallback.isFetching) return <PageLoading />
  if (query.isError) return <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} />
  if (!query.data) return <EmptyState description={t('policy.detail.notFound')} />
  return <PolicyView policy={query.data} canAsk={enterprise} />
}

function PolicyView({ policy: p, canAsk }: { policy: PolicyDetail; canAsk: boolean }) {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const kinds = INTERPRETATION_KIND_LIST.filter((k) => p.interpretations.some((i) => i.kind === k))

  return (
    <PageContainer
      title={p.title}
      description={
        <Flex gap={8} wrap align="center">
          <PolicyLevelTag level={p.level} />
          <PolicyStatusTag status={p.status} />
          <span>{p.departmentName}</span>
          {p.docNumber ? <span>{p.docNumber}</span> : null}
        </Flex>
      }
      extra={
        <>
          <Link to="/policy/library">
            <Button icon={<ArrowLeftOutlined />}>{t('policy.detail.back')}</Button>
          </Link>
          {p.enterpriseServiceCode ? (
            <Link to={`/enterprise/portal?service=${encodeURIComponent(p.enterpriseServiceCode)}`}>
              <Button type="primary" icon={<SendOutlined />} data-testid="policy-apply">
                {t('policy.detail.apply')}
              </Button>
            </Link>
          ) : p.serviceItemCode ? (
            <Link to="/approval/apply">
              <Button type="primary" icon={<SendOutlined />} data-testid="policy-apply">
                {t('policy.detail.applyItem')}
              </Button>
            </Link>
          ) : null}
          {canAsk ? (
            <Button icon={<QuestionCircleOutlined />} onClick={() => setAsking(true)} data-testid="policy-ask">
              {t('policy.detail.ask')}
            </Button>
          ) : null}
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {p.myMatch ? (
            <Card size="small" style={{ marginBottom: 16 }} data-testid="my-match">
              {p.myMatch.withdrawnAt ? (
                <div data-testid="my-match-withdrawn" style={{ marginBottom: 12 }}>
                  <Typography.Text strong type="warning">
                    {t('policy.detail.withdrawnTitle')}
                  </Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                    {t('policy.mine.withdrawnHint')}
                  </Typography.Paragraph>
                  <Flex gap={6} wrap>
                    {p.myMatch.withdrawnReasons.map((r) => (
                      <Tag key={r} color="orange" style={{ whiteSpace: 'normal' }}>
                        {r}
                      </Tag>
                    ))}
                  </Flex>
                </div>
              ) : null}
              {p.myMatch.withdrawnAt ? null : (
                <div className="ruyu-policy-reasons">
                  <Typography.Text strong>{t('policy.detail.myMatch')}</Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                    {t('policy.detail.myMatchHint')}
                  </Typography.Paragraph>
                  <Flex gap={6} wrap>
                    {p.myMatch.reasons.map((r) => (
                      <Tag key={r} color="blue">
                        {r}
                      </Tag>
                    ))}
                  </Flex>
                </div>
              )}
            </Card>
          ) : null}
          <Card title={t('policy.detail.summary')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>
              {p.benefitSummary}
            </Typography.Paragraph>
          </Card>
          <Card title={t('policy.detail.fullText')} style={{ marginBottom: 16 }}>
            {p.fullText ? (
              <div className="ruyu-policy-fulltext" data-testid="policy-fulltext">
                {p.fullText}
              </div>
            ) : (
              <Typography.Text type="secondary">{t('policy.detail.noFullText')}</Typography.Text>
            )}
          </Card>
          <Card title={t('policy.detail.interpretations')} style={{ marginBottom: 16 }} data-testid="interpretations">
            {kinds.length === 0 ? (
              <EmptyState description={t('policy.detail.noInterpretations')} />
            ) : (
              <Tabs
                items={kinds.map((k) => ({
                  key: k,
                  label: labelOf('policy.interpretationKind', k),
                  children: p.interpretations
                    .filter((i) => i.kind === k)
                    .map((i) => (
                      <div key={i.id} style={{ marginBottom: 16 }}>
                        <Typography.Title level={5} style={{ marginTop: 0 }}>
                          {i.title}
                        </Typography.Title>
                        {i.speaker ? (
                          <Typography.Text type="secondary">
                            {t('policy.detail.speaker', { speaker: i.speaker })}
                          </Typography.Text>
                        ) : null}
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
                          {i.body}
                        </Typography.Paragraph>
                      </div>
                    )),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'department', label: t('policy.fields.department'), children: p.departmentName },
                { key: 'level', label: t('policy.fields.level'), children: labelOf('policy.level', p.level) },
                {
                  key: 'validity',
                  label: t('policy.fields.validity'),
                  children: `${formatDate(p.validFrom)} ~ ${p.validTo ? formatDate(p.validTo) : t('policy.library.longTerm')}`,
                },
                ...(p.publishedAt
                  ? [
                      {
                        key: 'published',
                        label: t('policy.fields.publishedAt'),
                        children: formatDateTime(p.publishedAt),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <Card size="small" title={t('policy.detail.ruleText')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="policy-rule-text">
              {p.ruleText ?? t('policy.detail.ruleNone')}
            </Typography.Paragraph>
          </Card>
          <Card size="small" title={t('policy.detail.faqs')} data-testid="policy-faqs">
            {p.faqs.length === 0 ? (
              <EmptyState description={t('policy.detail.noFaqs')} />
            ) : (
              <Collapse
                ghost
                items={p.faqs.map((f) => ({
                  key: f.id,
                  label: f.question,
                  children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{f.answer}</Typography.Paragraph>,
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      {canAsk ? (
        <AskDialog policyId={p.id} policyTitle={p.title} open={asking} onClose={() => setAsking(false)} />
      ) : null}
    </PageContainer>
  )
}

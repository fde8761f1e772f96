import { Badge, Flex, List, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { formatDateTime } from '../../workflow/format'
import type { MyPolicy } from '../api'
import { useMyPolicies } from '../hooks'
import { PolicyLevelTag } from './tags'

/** The enterprise's matched policies with why each matched and an unread marker (政策箱). */
export function MyPolicies({ pageSize = 5, unreadOnly = false }: { pageSize?: number; unreadOnly?: boolean }) {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const list = useMyPolicies({ page, pageSize, ...(unreadOnly ? { unreadOnly: true } : {}) })
  if (list.isError) return <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} />
  return (
    <List<MyPolicy>
      loading={list.isPending}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: list.isPending ? ' ' : <EmptyState description={t('policy.mine.empty')} /> }}
      pagination={
        (list.data?.total ?? 0) > pageSize
          ? { current: page, pageSize, total: list.data?.total ?? 0, onChange: setPage, size: 'small' }
          : false
      }
      data-testid="my-policies"
      renderItem={(m) => {
        const withdrawn = !!m.withdrawnAt
        const unread = !m.readAt && !withdrawn
        return (
          <List.Item
            key={m.policy.id}
            style={{ display: 'block', paddingInline: 8 }}
            className={`ruyu-policy-card${unread ? ' unread' : ''}`}
            data-testid="my-policy"
            data-unread={unread ? 'true' : 'false'}
            data-withdrawn={withdrawn ? 'true' : 'false'}
          >
            <Flex gap={8} align="center" wrap style={{ marginBottom: 4 }}>
              {unread ? <Badge status="processing" text={t('policy.mine.unread')} data-testid="unread-marker" /> : null}
              {withdrawn ? (
                <Tag color="default" data-testid="withdrawn-marker" style={{ marginInlineEnd: 0 }}>
                  {t('policy.mine.withdrawn')}
                </Tag>
              ) : null}
              <PolicyLevelTag level={m.policy.level} />
              <Link to={`/policy/library/${m.policy.id}`} style={{ fontWeight: unread ? 600 : 400, fontSize: 15 }}>
                {m.policy.title}
              </Link>
            </Flex>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
              {m.policy.benefitSummary}
            </Typography.Paragraph>
            {withdrawn ? (
              <Flex
                vertical
                gap={4}
                data-testid="withdrawn-reasons"
                style={{ marginBottom: 6, padding: '6px 8px', background: '#fff7e6', borderRadius: 4 }}
              >
                <Typography.Text style={{ fontSize: 13 }}>
                  {t('policy.mine.withdrawnReasons')}（
                  {t('policy.mine.withdrawnAt', { at: formatDateTime(m.withdrawnAt) })}）：
                </Typography.Text>
                <Flex gap={4} wrap>
                  {m.withdrawnReasons.map((r) => (
                    <Tag key={r} color="orange" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
                      {r}
                    </Tag>
                  ))}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('policy.mine.withdrawnHint')}
                </Typography.Text>
              </Flex>
            ) : null}
            <Flex gap={4} wrap align="center" data-testid="match-reasons">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('policy.mine.reasons')}：
              </Typography.Text>
              {m.reasons.map((r) => (
                <Tag key={r} color="blue" style={{ marginInlineEnd: 0 }}>
                  {r}
                </Tag>
              ))}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 'auto' }}>
                {m.policy.departmentName} · {t('policy.mine.matchedAt', { at: formatDateTime(m.matchedAt) })}
              </Typography.Text>
            </Flex>
          </List.Item>
        )
      }}
    />
  )
}

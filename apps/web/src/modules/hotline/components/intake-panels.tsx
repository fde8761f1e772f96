import BookOutlined from '@ant-design/icons/BookOutlined'
import BranchesOutlined from '@ant-design/icons/BranchesOutlined'
import CopyOutlined from '@ant-design/icons/CopyOutlined'
import { Alert, Button, Card, Empty, Flex, List, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { labelOf } from '../../../shared/labels'
import { formatDateTime } from '../../workflow/format'
import type { DuplicateCandidate, KbArticle, RoutingSuggestion } from '../api'
import { OrderStatusTag } from './tags'

/** 派单建议: the unit the routing rules give for category × division, and the 非受理范围 guidance. */
export function SuggestionPanel({
  suggestion,
  loading,
  error,
  ready,
}: {
  suggestion: RoutingSuggestion | undefined
  loading: boolean
  error: unknown
  /** Category and division are both chosen. */
  ready: boolean
}) {
  const { t } = useTranslation()
  let body: React.ReactNode
  if (!ready) body = <Typography.Text type="secondary">{t('hotline.suggestion.waiting')}</Typography.Text>
  else if (error) body = <ErrorDisplay error={error} />
  else if (!suggestion) body = <Typography.Text type="secondary">{t('hotline.common.loading')}</Typography.Text>
  else
    body = (
      <>
        {suggestion.unit ? (
          <div data-testid="suggested-unit">
            <Typography.Text type="secondary">{t('hotline.suggestion.unit')}</Typography.Text>{' '}
            <Tag color="blue" style={{ fontSize: 14, padding: '2px 8px' }}>
              {suggestion.unit.name}
            </Tag>
            {suggestion.coUnits.length ? (
              <div style={{ marginTop: 6 }}>
                <Typography.Text type="secondary">{t('hotline.suggestion.coUnits')}</Typography.Text>{' '}
                {suggestion.coUnits.map((u) => (
                  <Tag key={u.id}>{u.name}</Tag>
                ))}
              </div>
            ) : null}
            {suggestion.rule?.note ? (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
                {suggestion.rule.note}
              </Typography.Paragraph>
            ) : null}
          </div>
        ) : (
          <Typography.Text type="secondary">{t('hotline.suggestion.none')}</Typography.Text>
        )}
        {suggestion.guidance ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('hotline.suggestion.guidanceTitle')}
            description={<span data-testid="scope-guidance">{suggestion.guidance}</span>}
          />
        ) : null}
      </>
    )
  return (
    <Card
      size="small"
      title={
        <span>
          <BranchesOutlined /> {t('hotline.suggestion.title')}
        </span>
      }
      loading={ready && loading && !suggestion}
      data-testid="suggestion-panel"
    >
      {body}
    </Card>
  )
}

const REASON_COLORS: Record<string, string> = { same_phone: 'volcano', nearby: 'orange', same_address: 'gold' }

/** 重复件提示: open orders from the same phone, the same address or nearby in the recent window. */
export function DuplicatesPanel({
  items,
  loading,
  active,
}: {
  items: DuplicateCandidate[] | undefined
  loading: boolean
  /** Enough is filled in to look (a valid phone, or category + division). */
  active: boolean
}) {
  const { t } = useTranslation()
  const count = items?.length ?? 0
  return (
    <Card
      size="small"
      title={
        <span>
          <CopyOutlined /> {t('hotline.duplicates.title')}
          {count ? (
            <Tag color="volcano" style={{ marginInlineStart: 8 }}>
              {count}
            </Tag>
          ) : null}
        </span>
      }
      data-testid="duplicates-panel"
      aria-live="polite"
    >
      {!active ? (
        <Typography.Text type="secondary">{t('hotline.duplicates.waiting')}</Typography.Text>
      ) : count === 0 ? (
        <Typography.Text type="secondary">
          {loading ? t('hotline.common.loading') : t('hotline.duplicates.none')}
        </Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(d) => (
            <List.Item key={d.id} style={{ paddingInline: 0 }} data-testid="duplicate">
              <div style={{ minWidth: 0, width: '100%' }}>
                <Flex gap={6} wrap align="center">
                  <Link to={`/hotline/orders/${d.id}`} target="_blank">
                    {d.number}
                  </Link>
                  <OrderStatusTag status={d.status} />
                  {d.reasons.map((r) => (
                    <Tag key={r} color={REASON_COLORS[r]} style={{ marginInlineEnd: 0 }}>
                      {labelOf('hotline.duplicates.reasons', r)}
                      {r === 'nearby' && d.distanceM !== null ? ` ${Math.round(d.distanceM)}m` : ''}
                    </Tag>
                  ))}
                </Flex>
                <Typography.Text ellipsis style={{ display: 'block' }}>
                  {d.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(d.receivedAt)} · {d.categoryName ?? ''} · {d.address}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}

/** 知识库: articles matching what the operator types in the description; one can answer the call directly. */
export function KnowledgePanel({
  items,
  loading,
  query,
  onAnswer,
}: {
  items: (KbArticle & { rank: number })[] | undefined
  loading: boolean
  query: string
  onAnswer: (article: KbArticle) => void
}) {
  const { t } = useTranslation()
  return (
    <Card
      size="small"
      title={
        <span>
          <BookOutlined /> {t('hotline.kb.panelTitle')}
        </span>
      }
      data-testid="kb-panel"
      aria-live="polite"
    >
      {!query ? (
        <Typography.Text type="secondary">{t('hotline.kb.waiting')}</Typography.Text>
      ) : !items?.length ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={loading ? t('hotline.common.loading') : t('hotline.kb.noHits')}
        />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(a) => (
            <List.Item key={a.id} style={{ paddingInline: 0, display: 'block' }} data-testid="kb-hit">
              <Flex justify="space-between" gap={8} align="flex-start">
                <Typography.Text strong>{a.title}</Typography.Text>
                <Button size="small" onClick={() => onAnswer(a)} data-enter-skip>
                  {t('hotline.kb.answerAndClose')}
                </Button>
              </Flex>
              <Typography.Paragraph
                type="secondary"
                ellipsis={{ rows: 3, expandable: true, symbol: t('hotline.kb.more') }}
                style={{ margin: '4px 0 0', fontSize: 13 }}
              >
                {a.content}
              </Typography.Paragraph>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}

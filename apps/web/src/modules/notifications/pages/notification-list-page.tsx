import CheckOutlined from '@ant-design/icons/CheckOutlined'
import { App, Button, Card, List, Segmented } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorDisplay, toErrorMessage } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import { serverPagination } from '../../../shared/pagination'
import { NotificationItem } from '../components/notification-item'
import { useMarkAllRead, useMarkRead, useNotifications } from '../hooks'

type Filter = 'all' | 'unread'

export default function NotificationListPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [filter, setFilter] = useState<Filter>('all')
  const [page, setPage] = useState(1)
  const [pageSize, setPageSize] = useState(20)
  const query = useNotifications({ unread: filter === 'unread', page, pageSize })
  const markRead = useMarkRead()
  const markAll = useMarkAllRead()
  const unread = query.data?.unread ?? 0

  return (
    <PageContainer
      title={t('notifications.title')}
      description={t('notifications.description')}
      extra={
        <Button
          icon={<CheckOutlined />}
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: () => void message.success(t('notifications.markedAllRead')),
              onError: (err) => void message.error(toErrorMessage(err)),
            })
          }
        >
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      <Card
        title={
          <Segmented<Filter>
            aria-label={t('notifications.filter')}
            value={filter}
            onChange={(value) => {
              setFilter(value)
              setPage(1)
            }}
            options={[
              { value: 'all', label: t('notifications.all') },
              { value: 'unread', label: `${t('notifications.unread')} (${unread})` },
            ]}
          />
        }
      >
        {query.isError ? (
          <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <List
            loading={query.isPending}
            dataSource={query.data?.items ?? []}
            locale={{
              emptyText: (
                <EmptyState
                  description={filter === 'unread' ? t('notifications.emptyUnread') : t('notifications.empty')}
                />
              ),
            }}
            pagination={serverPagination({
              page,
              pageSize,
              total: query.data?.total,
              onChange: (nextPage, nextSize) => {
                setPage(nextSize === pageSize ? nextPage : 1)
                setPageSize(nextSize)
              },
            })}
            renderItem={(item) => (
              <List.Item key={item.id}>
                <NotificationItem
                  item={item}
                  marking={markRead.isPending && markRead.variables === item.id}
                  onMarkRead={(id) =>
                    markRead.mutate(id, { onError: (err) => void message.error(toErrorMessage(err)) })
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </PageContainer>
  )
}

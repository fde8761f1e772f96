import BellOutlined from '@ant-design/icons/BellOutlined'
import { App, Badge, Button, Divider, Flex, List, Popover, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorDisplay, toErrorMessage } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../hooks'
import { NotificationItem } from './notification-item'

const PANEL_SIZE = 6

/** Header bell: unread count (polled every 60 s) and a panel with the latest notifications. */
export function NotificationBell() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const unread = useUnreadCount()
  const list = useNotifications({ page: 1, pageSize: PANEL_SIZE }, open)
  const markRead = useMarkRead()
  const markAll = useMarkAllRead()
  const count = unread.data?.count ?? 0

  const onMarkRead = (id: string) => markRead.mutate(id, { onError: (err) => void message.error(toErrorMessage(err)) })
  const onMarkAll = () =>
    markAll.mutate(undefined, {
      onSuccess: () => void message.success(t('notifications.markedAllRead')),
      onError: (err) => void message.error(toErrorMessage(err)),
    })

  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 48px))' }}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('notifications.latest')}</Typography.Text>
        <Button size="small" type="link" disabled={count === 0} loading={markAll.isPending} onClick={onMarkAll}>
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <Divider style={{ margin: '8px 0' }} />
      {list.isError ? (
        <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <List
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <EmptyState description={t('notifications.empty')} /> }}
          renderItem={(item) => (
            <List.Item key={item.id} style={{ padding: '8px 0' }}>
              <NotificationItem
                item={item}
                compact
                onMarkRead={onMarkRead}
                onNavigate={() => setOpen(false)}
                marking={markRead.isPending && markRead.variables === item.id}
              />
            </List.Item>
          )}
        />
      )}
      <Divider style={{ margin: '8px 0' }} />
      <Flex justify="center">
        <Link to="/notifications" onClick={() => setOpen(false)}>
          {t('common.actions.viewAll')}
        </Link>
      </Flex>
    </div>
  )

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Button type="text" aria-label={t('notifications.bell', { count })} aria-haspopup="dialog">
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  )
}

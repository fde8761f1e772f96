import CheckOutlined from '@ant-design/icons/CheckOutlined'
import { Badge, Button, Flex, Tooltip, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Notification } from '../api'

/** One notification: unread dot, title (a link when it points somewhere), body, time and a mark-read button. */
export function NotificationItem({
  item,
  compact = false,
  onMarkRead,
  onNavigate,
  marking = false,
}: {
  item: Notification
  compact?: boolean
  onMarkRead: (id: string) => void
  onNavigate?: () => void
  marking?: boolean
}) {
  const { t } = useTranslation()
  const unread = !item.readAt
  const internalLink = item.link?.startsWith('/') && !item.link.startsWith('//') ? item.link : null
  const open = () => {
    if (unread) onMarkRead(item.id)
    onNavigate?.()
  }
  return (
    <Flex gap={12} align="flex-start" style={{ width: '100%' }}>
      <Badge status={unread ? 'processing' : 'default'} style={{ marginTop: 4 }} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <div>
          {internalLink ? (
            <Link to={internalLink} onClick={open} style={{ fontWeight: unread ? 600 : 400 }}>
              {item.title}
            </Link>
          ) : (
            <Typography.Text strong={unread}>{item.title}</Typography.Text>
          )}
        </div>
        {item.body ? (
          <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0' }} ellipsis={compact ? { rows: 2 } : false}>
            {item.body}
          </Typography.Paragraph>
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}
          {unread ? null : ` · ${t('notifications.read')}`}
        </Typography.Text>
      </div>
      {unread ? (
        <Tooltip title={t('notifications.markRead')}>
          <Button
            size="small"
            type="text"
            icon={<CheckOutlined />}
            aria-label={t('notifications.markRead')}
            loading={marking}
            onClick={() => onMarkRead(item.id)}
          >
            {compact ? null : t('notifications.markRead')}
          </Button>
        </Tooltip>
      ) : null}
    </Flex>
  )
}

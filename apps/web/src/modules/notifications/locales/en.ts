import type notifications from './zh-CN'

const en: typeof notifications = {
  title: 'Notifications',
  description: 'Reminders, decisions and announcements sent to you by the system.',
  bell: 'Notifications, {{count}} unread',
  filter: 'Filter',
  all: 'All',
  unread: 'Unread',
  read: 'Read',
  markRead: 'Mark as read',
  markAllRead: 'Mark all as read',
  markedAllRead: 'All notifications marked as read',
  open: 'Open',
  empty: 'No notifications yet. New tasks and announcements will appear here.',
  emptyUnread: 'No unread notifications. Switch to “All” to see earlier ones.',
  latest: 'Latest',
  unreadCount: '{{count}} unread',
}

export default en

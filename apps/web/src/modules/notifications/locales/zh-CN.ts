const notifications = {
  title: '消息通知',
  description: '系统发给您的待办提醒、审批结果和通知公告。',
  bell: '消息通知，{{count}} 条未读',
  filter: '筛选',
  all: '全部',
  unread: '未读',
  read: '已读',
  markRead: '标为已读',
  markAllRead: '全部标为已读',
  markedAllRead: '已将全部消息标为已读',
  open: '查看详情',
  empty: '暂时没有消息。有新的待办或通知时会显示在这里。',
  emptyUnread: '没有未读消息，所有消息都已处理。可以切换到“全部”查看历史消息。',
  latest: '最新消息',
  unreadCount: '{{count}} 条未读',
}

export default notifications

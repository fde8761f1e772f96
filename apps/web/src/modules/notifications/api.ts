import { http } from '../../shared/request'

export interface Notification {
  id: string
  title: string
  body: string
  link: string | null
  createdAt: string
  readAt: string | null
}

export interface NotificationPage {
  items: Notification[]
  total: number
  unread: number
}

export interface NotificationFilter {
  unread?: boolean
  page: number
  pageSize: number
}

export function listNotifications(filter: NotificationFilter, signal?: AbortSignal): Promise<NotificationPage> {
  return http.get<NotificationPage>(
    '/api/notifications',
    { unread: filter.unread ? true : undefined, page: filter.page, pageSize: filter.pageSize },
    signal,
  )
}

export function fetchUnreadCount(signal?: AbortSignal): Promise<{ count: number }> {
  return http.get<{ count: number }>('/api/notifications/unread-count', undefined, signal)
}

export function markRead(id: string): Promise<void> {
  return http.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`)
}

export function markAllRead(): Promise<void> {
  return http.post<void>('/api/notifications/read-all')
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { fetchUnreadCount, listNotifications, markAllRead, markRead, type NotificationFilter } from './api'

const root = ['notifications'] as const

/** Unread count for the bell; polled every minute while the page is open. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...root, 'unread-count'],
    queryFn: ({ signal }) => fetchUnreadCount(signal),
    refetchInterval: 60_000,
    staleTime: 15_000,
  })
}

export function useNotifications(filter: NotificationFilter, enabled = true) {
  return useQuery({
    queryKey: [...root, 'list', filter],
    queryFn: ({ signal }) => listNotifications(filter, signal),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useMarkRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: markRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  })
}

export function useMarkAllRead() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: markAllRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: root }),
  })
}

import { QueryClient } from '@tanstack/react-query'
import { ApiError } from '../shared/request'

/** The app's one query cache. Client errors (4xx) are final, so only transport and 5xx failures are retried. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => {
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false
        return failureCount < 2
      },
    },
    mutations: { retry: false },
  },
})

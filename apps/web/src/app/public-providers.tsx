import { QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { queryClient } from './query-client'

/**
 * The public bundle's providers: the query cache only. Its pages are plain React with their own small components
 * (shared/public-ui), so neither Ant Design's ConfigProvider nor its locale is loaded.
 */
export function PublicProviders({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}

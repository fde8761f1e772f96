import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type ChangePasswordInput, changePassword, fetchMe, fetchMeta, type LoginInput, login, logout } from './api'

export const meQueryKey = ['auth', 'me'] as const

/** The logged-in account, or null; loaded once and shared by the whole app. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: fetchMe,
    staleTime: 5 * 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  })
}

const meta = { queryKey: ['auth', 'meta'], queryFn: fetchMeta, staleTime: Number.POSITIVE_INFINITY, retry: false }

export function useMeta() {
  return useQuery(meta)
}

/** Starts loading the installation's meta (demo accounts on the login page) before the page has rendered. */
export function prefetchMeta(queryClient: QueryClient): Promise<void> {
  return queryClient.prefetchQuery(meta)
}

export function useLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: LoginInput) => login(input),
    onSuccess: (user) => {
      // Drop anything cached for a previous account before the new one sees a page.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' })
      queryClient.setQueryData(meQueryKey, user)
    },
  })
}

/** Changes the password, then reads the session again (its must-change flag is cleared). */
export function useChangePassword() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => changePassword(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  })
}

/**
 * Ends the session. The caller navigates away first and then calls `forgetSession`, so the guard of the page
 * being left does not bounce the user to `/login?next=…`.
 */
export function useLogout() {
  return useMutation({ mutationFn: logout })
}

/** Drops every cached answer of the account that just logged out. */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.clear()
  queryClient.setQueryData(meQueryKey, null)
}

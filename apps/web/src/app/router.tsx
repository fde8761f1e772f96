import { lazy, type ReactNode, Suspense } from 'react'
import { createBrowserRouter, Navigate, type RouteObject, useLocation } from 'react-router'
import { useAccess } from '../access'
import { meQueryKey, useMe } from '../modules/auth/hooks'
import { ErrorDisplay } from '../shared/error-display'
import { PageLoading } from '../shared/feedback'
import { setUnauthorizedHandler } from '../shared/request'
import RouteError from './pages/route-error'
import { publicRouteObjects } from './public-routes'
import { queryClient } from './query-client'
import { type AppRoute, appRoutes, isRouteAllowed, publicRoutes } from './routes'

const AppLayout = lazy(() => import('./layout/console-frame'))
const NotFoundPage = lazy(() => import('./pages/not-found-page'))
const ForbiddenPage = lazy(() => import('./pages/forbidden-page'))

export const CHANGE_PASSWORD_PATH = '/account/password'

/**
 * Sends anonymous visitors to the login page, remembering where they wanted to go. A session whose password expired
 * or was reset may do nothing else on the server, so it is kept on the change-password page until it is changed.
 */
function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation()
  const me = useMe()
  if (me.isPending) return <PageLoading minHeight={400} />
  if (me.isError) return <ErrorDisplay error={me.error} onRetry={() => void me.refetch()} style={{ margin: 24 }} />
  if (!me.data) {
    const next = location.pathname + location.search
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />
  }
  if (me.data.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    const next = location.pathname + location.search
    const query = next === '/' ? '' : `?next=${encodeURIComponent(next)}`
    return <Navigate to={`${CHANGE_PASSWORD_PATH}${query}`} replace />
  }
  return <>{children}</>
}

/** Shows 403 instead of the page when the user lacks the route's capability. */
function RouteGuard({ route, children }: { route: AppRoute; children: ReactNode }) {
  const { can } = useAccess()
  return <Suspense fallback={<PageLoading />}>{can(route.access) ? children : <ForbiddenPage />}</Suspense>
}

/** A group without a page of its own opens its first child the user may see. */
function GroupRedirect({ route }: { route: AppRoute }) {
  const { can } = useAccess()
  const target = route.children?.find((child) => child.menu !== false && isRouteAllowed(child, can))
  if (!target) {
    return (
      <Suspense fallback={<PageLoading />}>
        <ForbiddenPage />
      </Suspense>
    )
  }
  return <Navigate to={target.path} replace />
}

function toRouteObjects(routes: AppRoute[]): RouteObject[] {
  return routes.flatMap((route): RouteObject[] => {
    const own: RouteObject[] = []
    const Page = route.component
    if (Page) {
      own.push({
        ...(route.path === '/' ? { index: true } : { path: route.path }),
        element: (
          <RouteGuard route={route}>
            <Page />
          </RouteGuard>
        ),
      })
    } else if (route.children?.length) {
      own.push({ path: route.path, element: <GroupRedirect route={route} /> })
    }
    return [...own, ...toRouteObjects(route.children ?? [])]
  })
}

export const router = createBrowserRouter([
  ...publicRouteObjects(publicRoutes),
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <Suspense fallback={<PageLoading minHeight={400} />}>
          <AppLayout />
        </Suspense>
      </RequireAuth>
    ),
    children: [
      {
        errorElement: <RouteError />,
        children: [
          ...toRouteObjects(appRoutes),
          {
            path: '*',
            element: (
              <Suspense fallback={<PageLoading />}>
                <NotFoundPage />
              </Suspense>
            ),
          },
        ],
      },
    ],
  },
])

// A 401 from any business call means the session ended: forget the account and go to the login page.
setUnauthorizedHandler((next) => {
  queryClient.setQueryData(meQueryKey, null)
  void router.navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true })
})

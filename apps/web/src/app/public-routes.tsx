import { type ComponentType, createElement, lazy, Suspense } from 'react'
import { matchPath, type RouteObject } from 'react-router'
import { prefetchMeta } from '../modules/auth/hooks'
import { prefetchCertificateKeys, prefetchCertificateVerification } from '../modules/certificate/hooks'
import { prefetchPublicForm, prefetchPublicTrack, trackQueryOf } from '../modules/hotline/hooks'
import { PublicErrors } from '../shared/public-audience'
import { PublicDisplay } from '../shared/public-display'
import { Loading } from '../shared/public-ui/notice'
import PublicRouteError from './pages/public-route-error'
import { queryClient } from './query-client'
import type { AppRoute } from './routes'

/** Where a public page is opened: its path parameters, query string and fragment. */
interface OpenedPage {
  params: Record<string, string | undefined>
  search: URLSearchParams
  hash: string
}

/**
 * A public page, with what it loads first: `prefetch` starts those requests when the public bundle starts, in
 * parallel with loading and rendering the page, instead of from the page's effects after its first render (a few
 * hundred milliseconds later on a slow phone). The query options are the pages' own (their modules' hooks.ts).
 */
export interface PublicRoute extends AppRoute {
  prefetch?: (opened: OpenedPage) => Promise<unknown>
  /** Loads the page's module; once it is in, the page renders without passing through a loading state. */
  preload: () => Promise<void>
}

/**
 * React.lazy, plus a preload for the public bundle's first page: with its module in (the server preloads its chunks)
 * before the first render, that render shows the page, instead of a loading state first and the page a render later.
 */
function lazyPage(load: () => Promise<{ default: ComponentType }>): Pick<PublicRoute, 'component' | 'preload'> {
  let loaded: ComponentType | undefined
  const Lazy = lazy(load)
  // biome-ignore lint/correctness/noComponentHookFactories: made once per route when the table is built, not in a render
  const Page = () => createElement(loaded ?? Lazy)
  return {
    component: Page,
    preload: () =>
      load().then((m) => {
        loaded = m.default
      }),
  }
}

/** Pages outside the console (no login needed, no layout). */
export const publicRoutes: PublicRoute[] = [
  {
    path: '/login',
    titleId: 'auth.login.title',
    menu: false,
    ...lazyPage(() => import('../modules/auth/pages/login-page')),
    prefetch: () => prefetchMeta(queryClient),
  },
  {
    // Reached from the QR code on a printed certificate: anyone, on a phone, without an account.
    path: '/verify/:number',
    titleId: 'certificate.verify.title',
    menu: false,
    ...lazyPage(() => import('../modules/certificate/pages/verify-page')),
    prefetch: ({ params, search, hash }) =>
      prefetchCertificateVerification(
        queryClient,
        (params.number ?? '').trim(),
        search.get('s'),
        hash.replace(/^#/, '') || null,
      ),
  },
  {
    // The certificate signing keys (active and retired), for offline verification of the QR code.
    path: '/certificates/keys',
    titleId: 'certificate.keys.title',
    menu: false,
    ...lazyPage(() => import('../modules/certificate/pages/keys-page')),
    prefetch: () => prefetchCertificateKeys(queryClient),
  },
  {
    // 12345 online request and tracking: anyone, on a phone, without an account (the QR code on posters).
    path: '/12345',
    titleId: 'hotline.menu.publicSubmit',
    menu: false,
    ...lazyPage(() => import('../modules/hotline/pages/public-submit-page')),
    prefetch: () => prefetchPublicForm(queryClient),
  },
  {
    path: '/12345/track',
    titleId: 'hotline.menu.publicTrack',
    menu: false,
    ...lazyPage(() => import('../modules/hotline/pages/public-track-page')),
    prefetch: ({ search }) => {
      const query = trackQueryOf(search)
      return query ? prefetchPublicTrack(queryClient, query) : Promise.resolve()
    },
  },
  {
    // Enterprise self-registration with the USCC (then pending until staff verify the account).
    path: '/register',
    titleId: 'enterprise.menu.register',
    menu: false,
    ...lazyPage(() => import('../modules/enterprise/pages/register-page')),
  },
]

/**
 * Route objects for the public pages, shared by the console router and the public bundle's router. Errors on them
 * are shown for citizens: a plain message, no request id, a retry only where retrying can help. Every one has the
 * 适老化 display switches (长辈版, 大字, 高对比) on top. The pages are plain React with the small components of
 * shared/public-ui (no Ant Design), so a phone on a slow network gets them quickly.
 */
export function publicRouteObjects(routes: AppRoute[]): RouteObject[] {
  return routes.flatMap((route) => {
    const Page = route.component
    if (!Page) return []
    return [
      {
        path: route.path,
        errorElement: (
          <PublicDisplay>
            <PublicErrors>
              <PublicRouteError />
            </PublicErrors>
          </PublicDisplay>
        ),
        element: (
          <PublicDisplay>
            <PublicErrors>
              <Suspense fallback={<Loading minHeight={400} />}>
                <Page />
              </Suspense>
            </PublicErrors>
          </PublicDisplay>
        ),
      },
    ]
  })
}

/**
 * Opens the public page at this address: starts its requests (PublicRoute.prefetch) and resolves once its module is
 * in, so the first render can show it. Failures are left to the page, which asks again and shows them.
 */
export function openPublicPage(location: { pathname: string; search: string; hash: string }): Promise<void> {
  for (const route of publicRoutes) {
    const match = matchPath(route.path, location.pathname)
    if (!match) continue
    route
      .prefetch?.({ params: match.params, search: new URLSearchParams(location.search), hash: location.hash })
      .catch(() => undefined)
    return route.preload().catch(() => undefined)
  }
  return Promise.resolve()
}

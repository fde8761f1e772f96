import { lazy, Suspense } from 'react'
import type { RouteObject } from 'react-router'
import { PublicErrors } from '../shared/public-audience'
import { PublicDisplay } from '../shared/public-display'
import { Loading } from '../shared/public-ui/notice'
import PublicRouteError from './pages/public-route-error'
import type { AppRoute } from './routes'

/** Pages outside the console (no login needed, no layout). */
export const publicRoutes: AppRoute[] = [
  {
    path: '/login',
    titleId: 'auth.login.title',
    menu: false,
    component: lazy(() => import('../modules/auth/pages/login-page')),
  },
  {
    // Reached from the QR code on a printed certificate: anyone, on a phone, without an account.
    path: '/verify/:number',
    titleId: 'certificate.verify.title',
    menu: false,
    component: lazy(() => import('../modules/certificate/pages/verify-page')),
  },
  {
    // The certificate signing keys (active and retired), for offline verification of the QR code.
    path: '/certificates/keys',
    titleId: 'certificate.keys.title',
    menu: false,
    component: lazy(() => import('../modules/certificate/pages/keys-page')),
  },
  {
    // 12345 online request and tracking: anyone, on a phone, without an account (the QR code on posters).
    path: '/12345',
    titleId: 'hotline.menu.publicSubmit',
    menu: false,
    component: lazy(() => import('../modules/hotline/pages/public-submit-page')),
  },
  {
    path: '/12345/track',
    titleId: 'hotline.menu.publicTrack',
    menu: false,
    component: lazy(() => import('../modules/hotline/pages/public-track-page')),
  },
  {
    // Enterprise self-registration with the USCC (then pending until staff verify the account).
    path: '/register',
    titleId: 'enterprise.menu.register',
    menu: false,
    component: lazy(() => import('../modules/enterprise/pages/register-page')),
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

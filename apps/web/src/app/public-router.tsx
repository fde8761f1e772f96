import { isPublicPagePath } from '@ruyu/contracts/public-pages'
import { useEffect } from 'react'
import { createBrowserRouter, Navigate, useLocation } from 'react-router'
import { useMe } from '../modules/auth/hooks'
import { Loading } from '../shared/public-ui/notice'
import { publicRouteObjects, publicRoutes } from './public-routes'

/**
 * Any other path leaves the public bundle for the console with a full page load (the server then sends the
 * console's HTML): `/` after signing in, or a link to a console page. An anonymous `/` goes to the login page here.
 */
function ConsoleHandoff() {
  const { pathname, search, hash } = useLocation()
  const atHome = pathname === '/'
  const me = useMe()
  const leave = !isPublicPagePath(pathname) && (!atHome || Boolean(me.data))
  useEffect(() => {
    if (leave) window.location.replace(pathname + search + hash)
  }, [leave, pathname, search, hash])
  if (atHome && !me.isPending && !me.data) return <Navigate to="/login" replace />
  return <Loading minHeight={400} />
}

/** The router of the public bundle (`public.html`): the public pages only, none of the console's routes. */
export const publicRouter = createBrowserRouter([
  ...publicRouteObjects(publicRoutes),
  { path: '*', element: <ConsoleHandoff /> },
])

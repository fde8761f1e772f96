import { Menu, type MenuProps } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useAccess } from '../../access'
import { type AppRoute, appRoutes, flattenRoutes, isRouteAllowed } from '../routes'

type MenuItem = Required<MenuProps>['items'][number]

/** The route whose path is the longest prefix of the current location (so detail pages light up their list). */
function activeRoute(pathname: string): AppRoute | undefined {
  let best: AppRoute | undefined
  for (const route of flattenRoutes(appRoutes)) {
    const matches =
      route.path === '/' ? pathname === '/' : pathname === route.path || pathname.startsWith(`${route.path}/`)
    if (matches && (!best || route.path.length > best.path.length)) best = route
  }
  return best
}

/** Side menu built from the central route table, without the entries the user may not open. */
export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation()
  const { can } = useAccess()
  const { pathname } = useLocation()

  const items = useMemo(() => {
    const build = (routes: AppRoute[]): MenuItem[] =>
      routes
        .filter((route) => route.menu !== false && isRouteAllowed(route, can))
        .map((route): MenuItem => {
          const label = t(route.titleId)
          if (route.children?.length && !route.component) {
            return { key: route.path, icon: route.icon, label, children: build(route.children) }
          }
          return {
            key: route.path,
            icon: route.icon,
            label: (
              <Link to={route.path} onClick={onNavigate}>
                {label}
              </Link>
            ),
          }
        })
    return build(appRoutes)
  }, [t, can, onNavigate])

  const selected = activeRoute(pathname)
  const groups = appRoutes.filter((route) => route.children?.length).map((route) => route.path)

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected.path] : []}
      defaultOpenKeys={groups}
    />
  )
}

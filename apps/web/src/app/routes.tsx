import ApartmentOutlined from '@ant-design/icons/ApartmentOutlined'
import AppstoreOutlined from '@ant-design/icons/AppstoreOutlined'
import BankOutlined from '@ant-design/icons/BankOutlined'
import BellOutlined from '@ant-design/icons/BellOutlined'
import ClusterOutlined from '@ant-design/icons/ClusterOutlined'
import DeploymentUnitOutlined from '@ant-design/icons/DeploymentUnitOutlined'
import EnvironmentOutlined from '@ant-design/icons/EnvironmentOutlined'
import HomeOutlined from '@ant-design/icons/HomeOutlined'
import ProfileOutlined from '@ant-design/icons/ProfileOutlined'
import SafetyCertificateOutlined from '@ant-design/icons/SafetyCertificateOutlined'
import TeamOutlined from '@ant-design/icons/TeamOutlined'
import type { Capability } from '@ruyu/contracts/access'
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react'
import type { LocaleId } from './i18n'

/**
 * One entry of the central route table. The router and the side menu are both built from this table:
 * an entry the user lacks `access` for is hidden from the menu and answers 403 when opened directly.
 */
export interface AppRoute {
  /** Absolute path. */
  path: string
  /** Locale id of the page title and the menu label. */
  titleId: LocaleId
  icon?: ReactNode
  /** Capability required to see and open the page (server checks it again on every call). */
  access?: Capability
  /** The page, loaded on demand; a group without one redirects to its first allowed child. */
  component?: LazyExoticComponent<ComponentType>
  /** Shown in the side menu (default true). */
  menu?: boolean
  children?: AppRoute[]
}

/** Pages of the staff console (inside the layout, login required). */
export const appRoutes: AppRoute[] = [
  {
    path: '/',
    titleId: 'app.menu.home',
    icon: <HomeOutlined />,
    component: lazy(() => import('../modules/home/pages/home-page')),
  },
  {
    path: '/directory',
    titleId: 'app.menu.directory',
    icon: <ApartmentOutlined />,
    children: [
      {
        path: '/directory/divisions',
        titleId: 'directory.menu.divisions',
        icon: <ClusterOutlined />,
        access: 'directory:read',
        component: lazy(() => import('../modules/directory/pages/division-tree-page')),
      },
      {
        path: '/directory/departments',
        titleId: 'directory.menu.departments',
        icon: <BankOutlined />,
        access: 'directory:read',
        component: lazy(() => import('../modules/directory/pages/department-list-page')),
      },
      {
        path: '/directory/locations',
        titleId: 'directory.menu.locations',
        icon: <EnvironmentOutlined />,
        access: 'directory:read',
        component: lazy(() => import('../modules/directory/pages/location-list-page')),
      },
      {
        path: '/directory/staff',
        titleId: 'directory.menu.staff',
        icon: <TeamOutlined />,
        access: 'staff:read',
        component: lazy(() => import('../modules/directory/pages/staff-list-page')),
      },
    ],
  },
  {
    path: '/catalog',
    titleId: 'catalog.menu.group',
    icon: <SafetyCertificateOutlined />,
    children: [
      {
        path: '/catalog/items',
        titleId: 'catalog.menu.items',
        icon: <ProfileOutlined />,
        access: 'catalog:read',
        component: lazy(() => import('../modules/catalog/pages/item-list-page')),
      },
      {
        path: '/catalog/items/:code/edit',
        titleId: 'catalog.menu.editItem',
        access: 'catalog:manage',
        menu: false,
        component: lazy(() => import('../modules/catalog/pages/item-edit-page')),
      },
      {
        path: '/catalog/themes',
        titleId: 'catalog.menu.themes',
        icon: <AppstoreOutlined />,
        access: 'catalog:read',
        component: lazy(() => import('../modules/catalog/pages/theme-page')),
      },
      {
        path: '/catalog/themes/:code/edit',
        titleId: 'catalog.menu.editTheme',
        access: 'catalog:manage',
        menu: false,
        component: lazy(() => import('../modules/catalog/pages/theme-edit-page')),
      },
      {
        path: '/catalog/zone-assessments',
        titleId: 'catalog.menu.zoneAssessments',
        icon: <DeploymentUnitOutlined />,
        access: 'catalog:read',
        component: lazy(() => import('../modules/catalog/pages/zone-assessment-page')),
      },
    ],
  },
  {
    path: '/notifications',
    titleId: 'app.menu.notifications',
    icon: <BellOutlined />,
    component: lazy(() => import('../modules/notifications/pages/notification-list-page')),
  },
]

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
]

/** Whether a route, or for a group any of its children, is open to a user with these capabilities. */
export function isRouteAllowed(route: AppRoute, can: (c: Capability | undefined) => boolean): boolean {
  if (!can(route.access)) return false
  if (route.children?.length && !route.component) return route.children.some((child) => isRouteAllowed(child, can))
  return true
}

/** Depth-first list of every route with a page. */
export function flattenRoutes(routes: AppRoute[]): AppRoute[] {
  return routes.flatMap((route) => [...(route.component ? [route] : []), ...flattenRoutes(route.children ?? [])])
}

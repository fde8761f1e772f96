import ApartmentOutlined from '@ant-design/icons/ApartmentOutlined'
import AppstoreOutlined from '@ant-design/icons/AppstoreOutlined'
import AuditOutlined from '@ant-design/icons/AuditOutlined'
import BankOutlined from '@ant-design/icons/BankOutlined'
import BellOutlined from '@ant-design/icons/BellOutlined'
import BookOutlined from '@ant-design/icons/BookOutlined'
import CarryOutOutlined from '@ant-design/icons/CarryOutOutlined'
import CloudServerOutlined from '@ant-design/icons/CloudServerOutlined'
import ClusterOutlined from '@ant-design/icons/ClusterOutlined'
import CommentOutlined from '@ant-design/icons/CommentOutlined'
import ControlOutlined from '@ant-design/icons/ControlOutlined'
import DashboardOutlined from '@ant-design/icons/DashboardOutlined'
import DeploymentUnitOutlined from '@ant-design/icons/DeploymentUnitOutlined'
import EnvironmentOutlined from '@ant-design/icons/EnvironmentOutlined'
import FileProtectOutlined from '@ant-design/icons/FileProtectOutlined'
import FileSearchOutlined from '@ant-design/icons/FileSearchOutlined'
import FormOutlined from '@ant-design/icons/FormOutlined'
import FundOutlined from '@ant-design/icons/FundOutlined'
import HomeOutlined from '@ant-design/icons/HomeOutlined'
import IdcardOutlined from '@ant-design/icons/IdcardOutlined'
import InboxOutlined from '@ant-design/icons/InboxOutlined'
import ProfileOutlined from '@ant-design/icons/ProfileOutlined'
import SafetyCertificateOutlined from '@ant-design/icons/SafetyCertificateOutlined'
import ScheduleOutlined from '@ant-design/icons/ScheduleOutlined'
import ShopOutlined from '@ant-design/icons/ShopOutlined'
import SolutionOutlined from '@ant-design/icons/SolutionOutlined'
import SwapOutlined from '@ant-design/icons/SwapOutlined'
import TeamOutlined from '@ant-design/icons/TeamOutlined'
import ToolOutlined from '@ant-design/icons/ToolOutlined'
import type { Capability } from '@ruyu/contracts/access'
import { type ComponentType, lazy, type ReactNode } from 'react'
import { hotlineRoutes } from '../modules/hotline/routes'
import { ratingRoutes } from '../modules/rating/routes'
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
  component?: ComponentType
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
        path: '/approval/apply',
        titleId: 'approval.menu.apply',
        icon: <FormOutlined />,
        access: 'approval:apply',
        component: lazy(() => import('../modules/approval/pages/apply-page')),
      },
      {
        path: '/approval/my',
        titleId: 'approval.menu.my',
        icon: <FileSearchOutlined />,
        access: 'approval:apply',
        component: lazy(() => import('../modules/approval/pages/my-cases-page')),
      },
      {
        path: '/approval/window',
        titleId: 'approval.menu.window',
        icon: <SolutionOutlined />,
        access: 'approval:intake',
        component: lazy(() => import('../modules/approval/pages/window-intake-page')),
      },
      {
        path: '/approval/cases',
        titleId: 'approval.menu.cases',
        icon: <AuditOutlined />,
        access: 'approval:read',
        component: lazy(() => import('../modules/approval/pages/case-list-page')),
      },
      {
        // Enterprise and staff alike; the server decides who may see which case.
        path: '/approval/cases/:id',
        titleId: 'approval.menu.caseDetail',
        menu: false,
        component: lazy(() => import('../modules/approval/pages/case-detail-page')),
      },
      {
        path: '/approval/stats',
        titleId: 'approval.menu.stats',
        icon: <FundOutlined />,
        access: 'stats:read',
        component: lazy(() => import('../modules/approval/pages/stats-page')),
      },
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
  hotlineRoutes,
  {
    // Enterprise service cloud (政企云, issue #5): the enterprise's portal and board; staff verification, the
    // enterprise library with profiles; the providers' worklist.
    path: '/enterprise',
    titleId: 'enterprise.menu.group',
    icon: <CloudServerOutlined />,
    children: [
      {
        path: '/enterprise/portal',
        titleId: 'enterprise.menu.portal',
        icon: <DashboardOutlined />,
        access: 'policy:ask',
        component: lazy(() => import('../modules/enterprise/pages/portal-page')),
      },
      {
        path: '/enterprise/board',
        titleId: 'enterprise.menu.board',
        icon: <SwapOutlined />,
        access: 'enterprise:board',
        component: lazy(() => import('../modules/enterprise/pages/board-page')),
      },
      {
        path: '/enterprise/provider',
        titleId: 'enterprise.menu.provider',
        icon: <ToolOutlined />,
        access: 'enterprise:service-handle',
        component: lazy(() => import('../modules/enterprise/pages/provider-worklist-page')),
      },
      {
        path: '/enterprise/members',
        titleId: 'enterprise.menu.members',
        icon: <IdcardOutlined />,
        access: 'enterprise:verify',
        component: lazy(() => import('../modules/enterprise/pages/members-page')),
      },
      {
        path: '/enterprise/enterprises',
        titleId: 'enterprise.menu.enterprises',
        icon: <ShopOutlined />,
        access: 'enterprise:read',
        component: lazy(() => import('../modules/enterprise/pages/enterprise-list-page')),
      },
      {
        path: '/enterprise/enterprises/:uscc',
        titleId: 'enterprise.menu.profile',
        access: 'enterprise:read',
        menu: false,
        component: lazy(() => import('../modules/enterprise/pages/enterprise-profile-page')),
      },
    ],
  },
  {
    // Policy push (惠企政策, issue #5): the library for everyone logged in, the enterprise's inbox, the departments'
    // policy admin with the rule editor and their Q&A worklist.
    path: '/policy',
    titleId: 'policy.menu.group',
    icon: <FileProtectOutlined />,
    children: [
      {
        path: '/policy/mine',
        titleId: 'policy.menu.mine',
        icon: <InboxOutlined />,
        access: 'policy:ask',
        component: lazy(() => import('../modules/policy/pages/my-policies-page')),
      },
      {
        path: '/policy/library',
        titleId: 'policy.menu.library',
        icon: <BookOutlined />,
        component: lazy(() => import('../modules/policy/pages/library-page')),
      },
      {
        path: '/policy/library/:id',
        titleId: 'policy.menu.detail',
        menu: false,
        component: lazy(() => import('../modules/policy/pages/policy-detail-page')),
      },
      {
        path: '/policy/admin',
        titleId: 'policy.menu.admin',
        icon: <ControlOutlined />,
        access: 'policy:read',
        component: lazy(() => import('../modules/policy/pages/policy-admin-page')),
      },
      {
        path: '/policy/admin/:id',
        titleId: 'policy.menu.edit',
        access: 'policy:read',
        menu: false,
        component: lazy(() => import('../modules/policy/pages/policy-edit-page')),
      },
      {
        path: '/policy/questions',
        titleId: 'policy.menu.questions',
        icon: <CommentOutlined />,
        access: 'policy:answer',
        component: lazy(() => import('../modules/policy/pages/qa-worklist-page')),
      },
    ],
  },
  ratingRoutes,
  {
    // Every account's own open tasks (staff reviews, the applicant's 补正, 差评 rectifications).
    path: '/workflow/tasks',
    titleId: 'workflow.menu.tasks',
    icon: <CarryOutOutlined />,
    component: lazy(() => import('../modules/workflow/pages/task-list-page')),
  },
  {
    path: '/workflow/instances/:id',
    titleId: 'workflow.menu.instance',
    icon: <ScheduleOutlined />,
    menu: false,
    component: lazy(() => import('../modules/workflow/pages/instance-page')),
  },
  {
    // From the user menu; the only page while the password has expired or was reset (see RequireAuth).
    path: '/account/password',
    titleId: 'auth.password.title',
    menu: false,
    component: lazy(() => import('../modules/auth/pages/change-password-page')),
  },
  {
    path: '/notifications',
    titleId: 'app.menu.notifications',
    icon: <BellOutlined />,
    component: lazy(() => import('../modules/notifications/pages/notification-list-page')),
  },
]

// The public pages live in public-routes.tsx so the public bundle does not pull this table's icons.
export { publicRoutes } from './public-routes'

/**
 * Whether a route is open to a user with these capabilities. A group counts only the children it shows in the menu:
 * a detail page open to everyone (`/approval/cases/:id`) must not keep an otherwise empty group in the menu.
 */
export function isRouteAllowed(route: AppRoute, can: (c: Capability | undefined) => boolean): boolean {
  if (!can(route.access)) return false
  if (route.children?.length && !route.component) {
    return route.children.some((child) => child.menu !== false && isRouteAllowed(child, can))
  }
  return true
}

/** Depth-first list of every route with a page. */
export function flattenRoutes(routes: AppRoute[]): AppRoute[] {
  return routes.flatMap((route) => [...(route.component ? [route] : []), ...flattenRoutes(route.children ?? [])])
}

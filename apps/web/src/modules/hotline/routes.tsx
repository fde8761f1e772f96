import AlertOutlined from '@ant-design/icons/AlertOutlined'
import BarChartOutlined from '@ant-design/icons/BarChartOutlined'
import BookOutlined from '@ant-design/icons/BookOutlined'
import BranchesOutlined from '@ant-design/icons/BranchesOutlined'
import CustomerServiceOutlined from '@ant-design/icons/CustomerServiceOutlined'
import InboxOutlined from '@ant-design/icons/InboxOutlined'
import PhoneOutlined from '@ant-design/icons/PhoneOutlined'
import SendOutlined from '@ant-design/icons/SendOutlined'
import TagsOutlined from '@ant-design/icons/TagsOutlined'
import UnorderedListOutlined from '@ant-design/icons/UnorderedListOutlined'
import { lazy } from 'react'
import type { AppRoute } from '../../app/routes'

/** 12345 hotline (issue #4): the centre's intake, board and follow-up; the units' worklist; admin and statistics. */
export const hotlineRoutes: AppRoute = {
  path: '/hotline',
  titleId: 'hotline.menu.group',
  icon: <CustomerServiceOutlined />,
  children: [
    {
      path: '/hotline/intake',
      titleId: 'hotline.menu.intake',
      icon: <PhoneOutlined />,
      access: 'hotline:intake',
      component: lazy(() => import('./pages/intake-page')),
    },
    {
      path: '/hotline/board',
      titleId: 'hotline.menu.board',
      icon: <SendOutlined />,
      access: 'hotline:dispatch',
      component: lazy(() => import('./pages/dispatch-board-page')),
    },
    {
      path: '/hotline/worklist',
      titleId: 'hotline.menu.worklist',
      icon: <InboxOutlined />,
      access: 'hotline:handle',
      component: lazy(() => import('./pages/unit-worklist-page')),
    },
    {
      path: '/hotline/follow-up',
      titleId: 'hotline.menu.followup',
      icon: <AlertOutlined />,
      access: 'hotline:review',
      component: lazy(() => import('./pages/follow-up-page')),
    },
    {
      path: '/hotline/orders',
      titleId: 'hotline.menu.orders',
      icon: <UnorderedListOutlined />,
      access: 'hotline:read',
      component: lazy(() => import('./pages/order-list-page')),
    },
    {
      path: '/hotline/orders/:id',
      titleId: 'hotline.menu.order',
      access: 'hotline:read',
      menu: false,
      component: lazy(() => import('./pages/order-detail-page')),
    },
    {
      path: '/hotline/stats',
      titleId: 'hotline.menu.stats',
      icon: <BarChartOutlined />,
      access: 'stats:read',
      component: lazy(() => import('./pages/stats-page')),
    },
    {
      path: '/hotline/kb',
      titleId: 'hotline.menu.kb',
      icon: <BookOutlined />,
      access: 'hotline:read',
      component: lazy(() => import('./pages/kb-page')),
    },
    {
      path: '/hotline/routing-rules',
      titleId: 'hotline.menu.rules',
      icon: <BranchesOutlined />,
      access: 'hotline:manage',
      component: lazy(() => import('./pages/routing-rules-page')),
    },
    {
      path: '/hotline/categories',
      titleId: 'hotline.menu.categories',
      icon: <TagsOutlined />,
      access: 'hotline:manage',
      component: lazy(() => import('./pages/categories-page')),
    },
  ],
}

import LikeOutlined from '@ant-design/icons/LikeOutlined'
import PieChartOutlined from '@ant-design/icons/PieChartOutlined'
import StarOutlined from '@ant-design/icons/StarOutlined'
import { lazy } from 'react'
import type { AppRoute } from '../../app/routes'

/**
 * 好差评 pages of the console (issue #10 §2): the ratings list and statistics for the answerable departments, the
 * supervising bureau (审批局) and leaders; each sees what the server's rating visibility allows.
 */
export const ratingRoutes: AppRoute = {
  path: '/ratings',
  titleId: 'rating.menu.group',
  icon: <LikeOutlined />,
  children: [
    {
      path: '/ratings/list',
      titleId: 'rating.menu.list',
      icon: <StarOutlined />,
      access: 'rating:read',
      component: lazy(() => import('./pages/rating-list-page')),
    },
    {
      path: '/ratings/stats',
      titleId: 'rating.menu.stats',
      icon: <PieChartOutlined />,
      access: 'rating:read',
      component: lazy(() => import('./pages/rating-stats-page')),
    },
  ],
}

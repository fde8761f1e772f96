import { Button, Card, Col, Flex, List, Row, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useAccess } from '../../../access'
import { appRoutes, flattenRoutes } from '../../../app/routes'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { labelOf, roleName } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { MembershipNotice } from '../../enterprise/components/membership-notice'
import { NotificationItem } from '../../notifications/components/notification-item'
import { useMarkRead, useNotifications, useUnreadCount } from '../../notifications/hooks'

/** Landing page: who you are and where you work, what you can open, and what is waiting for you. */
const SHARED_ACCESS = new Set(['directory:read', 'staff:read', 'catalog:read', 'file:upload', 'authenticated'])

export default function HomePage() {
  const { t } = useTranslation()
  const { user, can } = useAccess()
  const unread = useUnreadCount()
  const latest = useNotifications({ unread: true, page: 1, pageSize: 3 })
  const markRead = useMarkRead()
  if (!user) return null

  const roles = [...new Set(user.posts.map((post) => post.role).concat(user.roles))]
  // The role's own work first; what every staff account may open (directory, catalogue) after it.
  const links = flattenRoutes(appRoutes)
    .filter((route) => route.path !== '/' && route.menu !== false && can(route.access))
    .map((route, i) => ({ route, i, shared: SHARED_ACCESS.has(String(route.access)) }))
    .sort((a, b) => Number(a.shared) - Number(b.shared) || a.i - b.i)
    .map((x) => x.route)
  const unreadCount = unread.data?.count ?? 0

  return (
    <PageContainer title={t('app.menu.home')}>
      {user.kind === 'enterprise' && !can('policy:ask') ? <MembershipNotice /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card>
            <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="welcome">
              {t('home.welcome', { name: user.displayName })}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('home.welcomeHint')}</Typography.Paragraph>
            {roles.map((role) => (
              <Typography.Paragraph key={role} style={{ marginBottom: 4 }}>
                <Tag color="blue">{roleName(role)}</Tag>
                {labelOf('home.roleHints', role)}
              </Typography.Paragraph>
            ))}
            <Typography.Title level={5}>{t('home.posts')}</Typography.Title>
            {user.posts.length === 0 ? (
              <EmptyState description={t('home.noPosts')} />
            ) : (
              <Space wrap>
                {user.posts.map((post) => (
                  <Tag key={post.id} style={{ padding: '4px 8px', fontSize: 14 }}>
                    {t('home.post', {
                      role: roleName(post.role),
                      scope: [post.scopeDivisionName, post.departmentName].filter(Boolean).join(' · '),
                    })}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
          <Card title={t('home.quickLinks')} style={{ marginTop: 16 }}>
            {links.length === 0 ? (
              <EmptyState description={t('home.noQuickLinks')} />
            ) : (
              <Row gutter={[12, 12]}>
                {links.map((route) => (
                  <Col key={route.path} xs={12} md={8} lg={6}>
                    <Link to={route.path}>
                      <Card hoverable size="small">
                        <Flex vertical align="center" gap={8} style={{ padding: '8px 0' }}>
                          <span style={{ fontSize: 24, color: '#1f5fbf' }}>{route.icon}</span>
                          <Typography.Text>{t(route.titleId)}</Typography.Text>
                        </Flex>
                      </Card>
                    </Link>
                  </Col>
                ))}
              </Row>
            )}
          </Card>
          {user.kind === 'staff' ? null : (
            // Citizens and enterprises reach the public 12345 pages from their console too (not only by QR code).
            <Card title={t('home.hotline.title')} style={{ marginTop: 16 }} data-testid="home-hotline">
              <Typography.Paragraph type="secondary">{t('home.hotline.hint')}</Typography.Paragraph>
              <Space wrap>
                <Button type="primary" href="/12345">
                  {t('home.hotline.submit')}
                </Button>
                <Button href="/12345/track">{t('home.hotline.track')}</Button>
              </Space>
            </Card>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('home.notifications')} extra={<Link to="/notifications">{t('common.actions.viewAll')}</Link>}>
            {unread.isError ? <ErrorDisplay error={unread.error} onRetry={() => void unread.refetch()} /> : null}
            {unreadCount > 0 ? (
              <Typography.Paragraph strong>{t('home.unreadSummary', { count: unreadCount })}</Typography.Paragraph>
            ) : null}
            {latest.isError ? (
              <ErrorDisplay error={latest.error} onRetry={() => void latest.refetch()} />
            ) : (
              <List
                loading={latest.isPending}
                dataSource={latest.data?.items ?? []}
                locale={{ emptyText: <EmptyState description={t('home.allRead')} /> }}
                renderItem={(item) => (
                  <List.Item key={item.id}>
                    <NotificationItem item={item} compact onMarkRead={(id) => markRead.mutate(id)} />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  )
}

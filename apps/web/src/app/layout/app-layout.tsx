import MenuFoldOutlined from '@ant-design/icons/MenuFoldOutlined'
import MenuUnfoldOutlined from '@ant-design/icons/MenuUnfoldOutlined'
import { Button, Drawer, Grid, Layout, Typography } from 'antd'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet } from 'react-router'
import { useAccess } from '../../access'
import { NotificationBell } from '../../modules/notifications/components/notification-bell'
import { LanguageSwitch } from '../../shared/language-switch'
import { ScopeLabel } from './scope-label'
import { SideMenu } from './side-menu'
import { UserMenu } from './user-menu'

const SIDER_WIDTH = 220

function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation()
  return (
    <Link to="/" className="ruyu-brand" aria-label={t('common.appName')}>
      <img src="/favicon.svg" alt="" />
      {collapsed ? null : <span>{t('common.appName')}</span>}
    </Link>
  )
}

/** Staff console frame: side menu from the route table, header with scope, bell, language and user menu. */
export default function AppLayout() {
  const { t } = useTranslation()
  const screens = Grid.useBreakpoint()
  const desktop = screens.lg !== false
  const [collapsed, setCollapsed] = useState(false)
  const [drawerOpen, setDrawerOpen] = useState(false)
  const closeDrawer = useCallback(() => setDrawerOpen(false), [])
  // Until an expired or reset password is changed the server refuses everything else: no menu, no inbox.
  const restricted = !!useAccess().user?.mustChangePassword

  const menuOpen = desktop ? !collapsed : drawerOpen
  const toggle = () => (desktop ? setCollapsed((c) => !c) : setDrawerOpen((o) => !o))

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {restricted ? null : desktop ? (
        <Layout.Sider width={SIDER_WIDTH} collapsible collapsed={collapsed} trigger={null}>
          <div style={{ position: 'sticky', top: 0, maxHeight: '100vh', overflowY: 'auto' }}>
            <Brand collapsed={collapsed} />
            <nav aria-label={t('common.appName')}>
              <SideMenu />
            </nav>
          </div>
        </Layout.Sider>
      ) : (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={closeDrawer}
          size={SIDER_WIDTH}
          closable={false}
          styles={{ body: { padding: 0, background: '#0f2a55' } }}
        >
          <Brand collapsed={false} />
          <nav aria-label={t('common.appName')}>
            <SideMenu onNavigate={closeDrawer} />
          </nav>
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="ruyu-header">
          {restricted ? (
            <Typography.Text strong className="ruyu-header-scope">
              {t('common.appName')}
            </Typography.Text>
          ) : (
            <>
              <Button
                type="text"
                icon={menuOpen ? <MenuFoldOutlined /> : <MenuUnfoldOutlined />}
                aria-label={menuOpen ? t('app.header.closeMenu') : t('app.header.openMenu')}
                aria-expanded={menuOpen}
                onClick={toggle}
              />
              <ScopeLabel />
              <NotificationBell />
            </>
          )}
          <LanguageSwitch />
          <UserMenu />
        </Layout.Header>
        <Layout.Content style={{ padding: desktop ? 24 : 12 }}>
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  )
}

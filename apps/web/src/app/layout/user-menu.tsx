import DownOutlined from '@ant-design/icons/DownOutlined'
import KeyOutlined from '@ant-design/icons/KeyOutlined'
import LogoutOutlined from '@ant-design/icons/LogoutOutlined'
import UserOutlined from '@ant-design/icons/UserOutlined'
import { useQueryClient } from '@tanstack/react-query'
import { App, Avatar, Button, Dropdown, type MenuProps } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useAccess } from '../../access'
import { forgetSession, useLogout } from '../../modules/auth/hooks'

/** Avatar and name; the dropdown shows the account and the logout action. */
export function UserMenu() {
  const { t } = useTranslation()
  const { user } = useAccess()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const logout = useLogout()

  const onLogout = async () => {
    try {
      await logout.mutateAsync()
    } catch {
      // The session may already be gone (expired, revoked); leaving the console is still the right outcome.
    }
    await navigate('/login', { replace: true })
    forgetSession(queryClient)
    void message.success(t('app.header.loggedOut'))
  }

  const items: MenuProps['items'] = [
    {
      key: 'account',
      disabled: true,
      label: (
        <div>
          <div style={{ fontWeight: 600, color: 'rgba(0,0,0,0.88)' }}>{user?.displayName}</div>
          <div style={{ fontSize: 12 }}>{user?.username}</div>
        </div>
      ),
    },
    { type: 'divider' },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: t('app.header.changePassword'),
      onClick: () => void navigate('/account/password'),
    },
    { key: 'logout', icon: <LogoutOutlined />, label: t('app.header.logout'), onClick: () => void onLogout() },
  ]

  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <Button
        type="text"
        aria-label={`${user?.displayName ?? ''} ${t('app.header.userMenu')}`.trim()}
        style={{ paddingInline: 8 }}
      >
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1f5fbf' }} />
        <span className="ruyu-hide-xs">{user?.displayName}</span>
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  )
}

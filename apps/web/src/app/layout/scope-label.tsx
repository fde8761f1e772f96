import { Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useAccess } from '../../access'
import { roleName } from '../../shared/labels'

/** "Where am I working": the first post's division and department, with the role as a tag. */
export function ScopeLabel() {
  const { t } = useTranslation()
  const { user } = useAccess()
  const post = user?.posts[0]
  if (!post) {
    return (
      <Typography.Text type="secondary" className="ruyu-header-scope">
        {t('app.header.noScope')}
      </Typography.Text>
    )
  }
  const scope = [post.scopeDivisionName, post.departmentName].filter(Boolean).join(' · ')
  return (
    <div className="ruyu-header-scope">
      <Tooltip title={`${t('app.header.scope')}: ${scope}`}>
        <Typography.Text type="secondary" className="ruyu-hide-xs">
          {t('app.header.scopePrefix')}
        </Typography.Text>
        <Typography.Text strong data-testid="header-scope">
          {scope}
        </Typography.Text>
        <Tag color="blue" style={{ marginLeft: 8 }} className="ruyu-hide-xs">
          {roleName(post.role)}
        </Tag>
      </Tooltip>
    </div>
  )
}

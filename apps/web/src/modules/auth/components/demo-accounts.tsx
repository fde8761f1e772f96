import { Button } from '../../../shared/public-ui/button'
import { publicLabelOf, usePublicTranslation } from '../../../shared/public-ui/i18n'
import { Notice } from '../../../shared/public-ui/notice'
import { useMeta } from '../hooks'

/**
 * Hint box with the demo accounts; shown only when the server says it is a demo installation
 * (GET /api/meta → `{ demo: true, demoAccounts, demoPassword }`). Renders whatever the server lists.
 */
export function DemoAccounts({ onPick }: { onPick: (username: string, password: string) => void }) {
  const { t } = usePublicTranslation()
  const meta = useMeta()
  const accounts = meta.data?.demo ? (meta.data.demoAccounts ?? []) : []
  if (accounts.length === 0) return null
  const password = meta.data?.demoPassword ?? ''
  return (
    <Notice type="info" style={{ marginTop: 24 }} title={t('auth.login.demoTitle')}>
      <div data-testid="demo-accounts">
        {password ? <p style={{ marginBottom: 8 }}>{t('auth.login.demoBody', { password })}</p> : null}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
          {accounts.map((account) => (
            <Button
              key={account.username}
              size="small"
              title={account.displayName}
              className="ruyu-small"
              style={{ paddingInline: 6 }}
              onClick={() => onPick(account.username, password)}
            >
              {t('auth.login.demoAccount', {
                username: account.username,
                role:
                  account.roleName ??
                  (account.role ? publicLabelOf('common.roles', account.role) : (account.displayName ?? '')),
              })}
            </Button>
          ))}
        </div>
      </div>
    </Notice>
  )
}

import { Button } from '../../shared/public-ui/button'
import { usePublicTranslation } from '../../shared/public-ui/i18n'
import { Icon } from '../../shared/public-ui/icons'

/**
 * A public page that throws while rendering or whose code fails to load (e.g. after a deploy). Citizens get no
 * stack messages or ids; the reload button is what helps them.
 */
export default function PublicRouteError() {
  const { t } = usePublicTranslation()
  return (
    <div role="alert" style={{ maxWidth: 560, margin: '64px auto', padding: '0 24px', textAlign: 'center' }}>
      <span style={{ color: '#cf1322' }}>
        <Icon name="error" size={64} />
      </span>
      <h1 style={{ marginTop: 24, fontSize: 24 }}>{t('app.exception.crashTitle')}</h1>
      <p className="ruyu-muted">{t('app.exception.publicCrashBody')}</p>
      <Button variant="primary" onClick={() => window.location.reload()}>
        {t('app.exception.reload')}
      </Button>
    </div>
  )
}

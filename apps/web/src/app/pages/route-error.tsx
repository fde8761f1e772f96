import CloseCircleFilled from '@ant-design/icons/CloseCircleFilled'
import { Button, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { isRouteErrorResponse, useRouteError } from 'react-router'
import { RequestId, requestIdOf, toErrorMessage, usePublicAudience } from '../../shared/error-display'

/** Shown when a page throws while rendering or its code fails to load (e.g. after a deploy). */
export default function RouteError() {
  const { t } = useTranslation()
  const error = useRouteError()
  // Citizens get no stack messages or ids; the reload button is what helps them.
  const isPublic = usePublicAudience()
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error && error.name !== 'ApiError'
      ? error.message
      : toErrorMessage(error)
  return (
    // Plain markup rather than AntD's Result, whose status artwork would ride along on every public page.
    <div role="alert" style={{ maxWidth: 560, margin: '64px auto', padding: '0 24px', textAlign: 'center' }}>
      <CloseCircleFilled aria-hidden style={{ fontSize: 64, color: '#cf1322' }} />
      <Typography.Title level={3} style={{ marginTop: 24 }}>
        {t('app.exception.crashTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('app.exception.crashBody')}</Typography.Paragraph>
      <Button type="primary" onClick={() => window.location.reload()}>
        {t('app.exception.reload')}
      </Button>
      {isPublic ? null : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 24 }}>
          {detail}
        </Typography.Paragraph>
      )}
      <RequestId id={requestIdOf(error)} />
    </div>
  )
}

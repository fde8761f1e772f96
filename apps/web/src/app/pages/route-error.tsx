import { Button, Result, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { isRouteErrorResponse, useRouteError } from 'react-router'
import { RequestId, requestIdOf, toErrorMessage } from '../../shared/error-display'

/** Shown when a page throws while rendering or its code fails to load (e.g. after a deploy). */
export default function RouteError() {
  const { t } = useTranslation()
  const error = useRouteError()
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error && error.name !== 'ApiError'
      ? error.message
      : toErrorMessage(error)
  return (
    <Result
      status="error"
      title={t('app.exception.crashTitle')}
      subTitle={t('app.exception.crashBody')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('app.exception.reload')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {detail}
      </Typography.Paragraph>
      <div style={{ textAlign: 'center' }}>
        <RequestId id={requestIdOf(error)} />
      </div>
    </Result>
  )
}

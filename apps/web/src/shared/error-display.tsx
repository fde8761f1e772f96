import { Alert, Button, type FormInstance, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldIssues, isRetryable, requestIdOf, toErrorMessage, toPublicErrorMessage } from './error-messages'
import { usePublicAudience } from './public-audience'

export { isRetryable, requestIdOf, toErrorMessage, toPublicErrorMessage } from './error-messages'
export { PublicErrors, usePublicAudience } from './public-audience'

/** Small grey "请求编号 …" line; renders nothing without an id. */
export function RequestId({ id }: { id: string | undefined }) {
  const { t } = useTranslation()
  const isPublic = usePublicAudience()
  if (!id || isPublic) return null
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: id }}>
      {t('common.errors.requestId', { id })}
    </Typography.Text>
  )
}

/** An error box with the server's message and its request id; optional retry. Used by every page (see PublicErrors). */
export function ErrorDisplay({
  error,
  title,
  onRetry,
  style,
}: {
  error: unknown
  title?: ReactNode
  onRetry?: () => void
  style?: React.CSSProperties
}) {
  const { t } = useTranslation()
  const isPublic = usePublicAudience()
  if (!error) return null
  if (isPublic) {
    const message = toPublicErrorMessage(error)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        style={style}
        title={title ?? message}
        description={title ? message : undefined}
        action={
          onRetry && isRetryable(error) ? (
            <Button size="small" onClick={onRetry}>
              {t('common.actions.retry')}
            </Button>
          ) : undefined
        }
      />
    )
  }
  const requestId = requestIdOf(error)
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={style}
      title={title ?? toErrorMessage(error)}
      description={
        title || requestId ? (
          <div>
            {title ? <div>{toErrorMessage(error)}</div> : null}
            <RequestId id={requestId} />
          </div>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.actions.retry')}
          </Button>
        ) : undefined
      }
    />
  )
}

/**
 * Puts the server's per-field validation messages (`details.issues[].path`) onto the matching form fields.
 * Returns true when at least one field got a message, so the caller can skip a generic error box.
 */
export function applyFormErrors(form: FormInstance, err: unknown): boolean {
  const byField = fieldIssues(err, new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>)))
  if (byField.size === 0) return false
  form.setFields([...byField.values()])
  return true
}

import { Alert, Button, type FormInstance, Typography } from 'antd'
import i18n from 'i18next'
import { createContext, type ReactNode, useContext } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, HTTP_ERROR, NETWORK_ERROR } from './request'

/**
 * The message to show for any thrown value. Server errors carry a display-ready message in the current language
 * (we send Accept-Language); transport failures get a local one.
 */
export function toErrorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.message) return err.message
    if (err.code === NETWORK_ERROR) return i18n.t('common.errors.network')
    if (err.code === HTTP_ERROR) return i18n.t('common.errors.http', { status: err.status })
    return i18n.t('common.errors.unknown')
  }
  return i18n.t('common.errors.unknown')
}

/**
 * Who reads the error. Staff see the server's message with its request id (to quote to an administrator); citizens
 * on the public pages see a plain message in their language, no ids, and a retry only where it can help.
 */
const PublicAudience = createContext(false)

/** Marks everything inside as a public page (set by the public routes). */
export function PublicErrors({ children }: { children: ReactNode }) {
  return <PublicAudience.Provider value={true}>{children}</PublicAudience.Provider>
}

/** True inside PublicErrors. */
export function usePublicAudience(): boolean {
  return useContext(PublicAudience)
}

/** Whether asking again can change the answer: the request never arrived, or the server failed (5xx). */
export function isRetryable(err: unknown): boolean {
  return err instanceof ApiError && (err.code === NETWORK_ERROR || err.status >= 500)
}

/** The message a citizen sees: the server's own words for a 4xx (they say what to fix), a generic one otherwise. */
export function toPublicErrorMessage(err: unknown): string {
  if (!(err instanceof ApiError)) return i18n.t('common.errors.unknown')
  if (err.code === NETWORK_ERROR) return i18n.t('common.errors.network')
  if (err.status >= 500) return i18n.t('common.errors.publicServer')
  if (err.message) return err.message
  return i18n.t(err.status === 404 ? 'common.errors.publicNotFound' : 'common.errors.publicRejected')
}

/** The request id of a server error, for the user to quote to an administrator. */
export function requestIdOf(err: unknown): string | undefined {
  return err instanceof ApiError ? err.requestId : undefined
}

/** Small grey "请求编号 …" line; renders nothing without an id. */
export function RequestId({ id }: { id: string | undefined }) {
  const { t } = useTranslation()
  const isPublic = useContext(PublicAudience)
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
  const isPublic = useContext(PublicAudience)
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
  if (!(err instanceof ApiError) || !err.details?.issues?.length) return false
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>))
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>()
  for (const issue of err.details.issues) {
    if (!issue.path.length) continue
    const head = issue.path[0]
    if (typeof head === 'string' && known.size > 0 && !known.has(head)) continue
    const key = issue.path.join('.')
    const entry = byField.get(key) ?? { name: issue.path, errors: [] }
    entry.errors.push(issue.message)
    byField.set(key, entry)
  }
  if (byField.size === 0) return false
  form.setFields([...byField.values()])
  return true
}

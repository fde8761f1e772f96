import type { CSSProperties, ReactNode } from 'react'
import { isRetryable, toPublicErrorMessage } from '../error-messages'
import { Button } from './button'
import { usePublicTranslation } from './i18n'
import { Icon } from './icons'
import './notice.css'

type NoticeType = 'error' | 'warning' | 'info' | 'success'
const ICON = { error: 'error', warning: 'warning', info: 'info', success: 'success' } as const

/**
 * A coloured box with an icon, a title and an optional text and action. `role` is left to the caller: "alert" for
 * a failure the user has just caused, none for a standing notice on the page.
 */
export function Notice({
  type,
  title,
  children,
  action,
  role,
  style,
}: {
  type: NoticeType
  title: ReactNode
  children?: ReactNode
  action?: ReactNode
  role?: 'alert' | 'status'
  style?: CSSProperties
}) {
  return (
    <div className="ruyu-notice" data-type={type} role={role} style={style}>
      <span className="ruyu-notice-icon">
        <Icon name={ICON[type]} />
      </span>
      <div className="ruyu-notice-body">
        <div className="ruyu-notice-title">{title}</div>
        {children ? <div className="ruyu-notice-text">{children}</div> : null}
      </div>
      {action ? <div className="ruyu-notice-action">{action}</div> : null}
    </div>
  )
}

/**
 * A failed request on a public page, for citizens: a plain message in their language, no request id, and a retry
 * only where retrying can help (network failures and 5xx).
 */
export function PublicError({
  error,
  onRetry,
  style,
}: {
  error: unknown
  onRetry?: () => void
  style?: CSSProperties
}) {
  const { t } = usePublicTranslation()
  if (!error) return null
  return (
    <Notice
      type="error"
      role="alert"
      style={style}
      title={toPublicErrorMessage(error)}
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

/** A spinner with its words, announced politely while a page or a panel loads. */
export function Loading({ minHeight = 240, label }: { minHeight?: number; label?: string }) {
  const { t } = usePublicTranslation()
  return (
    <div className="ruyu-loading" style={{ minHeight }} role="status" aria-live="polite">
      <span className="ruyu-spinner" aria-hidden="true" />
      <span>{label ?? t('common.states.loading')}</span>
    </div>
  )
}

/** A white panel (AntD Card's look), with an optional title bar: the title is a heading, `extra` sits at its end. */
export function Panel({
  title,
  extra,
  size,
  className,
  children,
  style,
  ...rest
}: {
  title?: ReactNode
  extra?: ReactNode
  size?: 'small'
  className?: string
  children: ReactNode
  style?: CSSProperties
  'data-testid'?: string
}) {
  return (
    <section
      className={className ? `ruyu-card ${className}` : 'ruyu-card'}
      data-size={size}
      style={style}
      data-testid={rest['data-testid']}
    >
      {title ? (
        <div className="ruyu-card-head">
          <h2>{title}</h2>
          {extra}
        </div>
      ) : null}
      {children}
    </section>
  )
}

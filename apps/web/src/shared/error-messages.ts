import i18n from 'i18next'
import { ApiError, HTTP_ERROR, NETWORK_ERROR } from './request'

// Plain functions (no UI library), shared by the console's ErrorDisplay and the public pages' light components.

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

/**
 * The server's per-field validation messages (`details.issues[].path`), by field path. With `known` field names,
 * issues about other fields are left out. Empty when the error has none.
 */
export function fieldIssues(
  err: unknown,
  known: ReadonlySet<string>,
): Map<string, { name: (string | number)[]; errors: string[] }> {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>()
  if (!(err instanceof ApiError) || !err.details?.issues?.length) return byField
  for (const issue of err.details.issues) {
    if (!issue.path.length) continue
    const head = issue.path[0]
    if (typeof head === 'string' && known.size > 0 && !known.has(head)) continue
    const key = issue.path.join('.')
    const entry = byField.get(key) ?? { name: issue.path, errors: [] }
    entry.errors.push(issue.message)
    byField.set(key, entry)
  }
  return byField
}

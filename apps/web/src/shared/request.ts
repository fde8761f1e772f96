/**
 * The one HTTP client of the web app: same-origin JSON calls to /api with the session cookie, the CSRF token on
 * every non-GET call, and the current language in Accept-Language. Errors always arrive as `ApiError`.
 */

export interface ApiIssue {
  path: (string | number)[]
  message: string
}

export interface ApiErrorDetails {
  issues?: ApiIssue[]
  [key: string]: unknown
}

/** An error reply from the server (`{ code, message, details?, requestId }`) or a transport failure. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: ApiErrorDetails | undefined
  readonly requestId: string | undefined

  constructor(init: {
    status: number
    code: string
    message: string
    details?: ApiErrorDetails | undefined
    requestId?: string | undefined
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.details = init.details
    this.requestId = init.requestId
  }
}

/** Code used when the request never got an answer (offline, proxy down). */
export const NETWORK_ERROR = 'NETWORK_ERROR'
/** Code used when the server answered with something that is not our JSON error shape. */
export const HTTP_ERROR = 'HTTP_ERROR'

type QueryValue = string | number | boolean | null | undefined
/** Query parameters; empty values are left out. (An object type, so interfaces without an index signature fit.) */
type Query = object

export interface RequestOptions {
  query?: Query
  body?: unknown
  signal?: AbortSignal
  headers?: Record<string, string>
}

let csrfToken: string | null = null
let language = 'zh-CN'
let onUnauthorized: (next: string) => void = (next) => {
  window.location.assign(`/login?next=${encodeURIComponent(next)}`)
}

/** Keeps the CSRF token returned by login and GET /api/me; sent on every non-GET call. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Sets the language sent as Accept-Language (the server localises its error messages with it). */
export function setRequestLanguage(lang: string): void {
  language = lang
}

/** Replaces what happens when a call answers 401 (default: a full redirect to the login page). */
export function setUnauthorizedHandler(handler: (next: string) => void): void {
  onUnauthorized = handler
}

// These two answer 401 as part of their normal job (not logged in yet / wrong password): never redirect on them.
const NO_REDIRECT_PATHS = new Set(['/api/me', '/api/auth/login'])

function buildUrl(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query) as [string, QueryValue][]) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const qs = params.toString()
  return qs ? `${path}?${qs}` : path
}

function isErrorBody(
  value: unknown,
): value is { code: string; message: string; details?: ApiErrorDetails; requestId?: string } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string'
}

/** Performs one call; resolves to the parsed JSON body (undefined for 204) or throws `ApiError`. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': language,
    ...options.headers,
  }
  const upper = method.toUpperCase()
  if (upper !== 'GET' && upper !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken
  let body: string | undefined
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }

  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: upper,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err
    throw new ApiError({ status: 0, code: NETWORK_ERROR, message: '' })
  }

  const requestId = response.headers.get('x-request-id') ?? undefined
  const text = response.status === 204 ? '' : await response.text()
  let data: unknown
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = undefined
    }
  }

  if (response.ok) return data as T

  if (response.status === 401 && !NO_REDIRECT_PATHS.has(path) && !window.location.pathname.startsWith('/login')) {
    onUnauthorized(window.location.pathname + window.location.search)
  }
  if (isErrorBody(data)) {
    throw new ApiError({
      status: response.status,
      code: data.code,
      message: data.message,
      details: data.details,
      requestId: data.requestId ?? requestId,
    })
  }
  throw new ApiError({ status: response.status, code: HTTP_ERROR, message: '', requestId })
}

/**
 * Downloads a file the server builds (list exports): the same session, language and error shape as `request`, then
 * hands the bytes to the browser under the name the server gave (Content-Disposition, UTF-8 form preferred).
 */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  let response: Response
  try {
    response = await fetch(buildUrl(path, query), {
      headers: { 'Accept-Language': language },
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR, message: '' })
  }
  if (!response.ok) {
    const data: unknown = await response.json().catch(() => undefined)
    if (isErrorBody(data)) {
      throw new ApiError({ status: response.status, code: data.code, message: data.message, details: data.details })
    }
    throw new ApiError({ status: response.status, code: HTTP_ERROR, message: '' })
  }
  const disposition = response.headers.get('content-disposition') ?? ''
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1]
  const name = utf8 ? decodeURIComponent(utf8) : fallbackName
  const url = URL.createObjectURL(await response.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Shorthands; pages never call these directly, only a module's api.ts does. */
export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
}

/** A page of a list endpoint (`?page=&pageSize=` → `{ items, total }`). */
export interface Page<T> {
  items: T[]
  total: number
}

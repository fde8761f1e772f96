import type { Multipart } from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { type AppError, inputInvalidCharacters, multipartInvalid } from '../errors.ts'

/**
 * Text PostgreSQL cannot store, or would store altered: NUL (rejected by `text` and `jsonb`), lone UTF-16
 * surrogates (written as U+FFFD) and byte sequences that are not UTF-8. Every request is checked here once, before
 * validation, so no route can turn them into a 500 or silently change what is saved.
 */
export type BadCharacter = 'nul' | 'lone_surrogate' | 'invalid_utf8'

export interface BadInput {
  in: 'body' | 'querystring' | 'params' | 'headers'
  path: (string | number)[]
  reason: BadCharacter
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what is looked for (PostgreSQL refuses it).
const SUSPECT = /[\u0000\ud800-\udfff]/
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export function badCharacter(s: string): BadCharacter | null {
  if (!SUSPECT.test(s)) return null
  if (s.includes('\u0000')) return 'nul'
  return LONE_SURROGATE.test(s) ? 'lone_surrogate' : null
}

/** The first string (value or key) in a parsed value that holds a bad character. Iterative: depth is no risk. */
export function findBadString(value: unknown): { path: (string | number)[]; reason: BadCharacter } | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }]
  while (stack.length) {
    const { v, path } = stack.pop()!
    if (typeof v === 'string') {
      const reason = badCharacter(v)
      if (reason) return { path, reason }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] })
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v) && !(v instanceof Uint8Array)) {
      for (const [k, child] of Object.entries(v)) {
        const reason = badCharacter(k)
        if (reason) return { path: [...path, k], reason }
        stack.push({ v: child, path: [...path, k] })
      }
    }
  }
  return null
}

const MESSAGES: Record<BadCharacter, { zh: string; en: string }> = {
  nul: { zh: '含有空字符（\\u0000）', en: 'contains a NUL character (\\u0000)' },
  lone_surrogate: { zh: '含有残缺的 Unicode 代理项', en: 'contains a lone UTF-16 surrogate' },
  invalid_utf8: { zh: '不是有效的 UTF-8 编码', en: 'is not valid UTF-8' },
}

/** The coded 400 for bad characters; details name where, in the shape of validation issues. */
export function badInputError(b: BadInput, lang: 'zh' | 'en' = 'zh'): AppError {
  return inputInvalidCharacters(undefined, {
    in: b.in,
    path: b.path,
    reason: b.reason,
    issues: [{ path: b.path, in: b.in, message: MESSAGES[b.reason][lang] }],
  })
}

// Percent-escapes must decode to UTF-8 (decodeURIComponent throws on anything else, encoded surrogates included).
function undecodable(component: string): boolean {
  if (!component.includes('%')) return false
  try {
    decodeURIComponent(component)
    return false
  } catch {
    return true
  }
}

/** The raw query string checked for escapes that are not UTF-8 (the query parser would turn them into U+FFFD). */
export function badQueryEncoding(rawUrl: string): BadInput | null {
  const q = rawUrl.indexOf('?')
  if (q < 0) return null
  for (const pair of rawUrl.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=')
    const key = eq < 0 ? pair : pair.slice(0, eq)
    if (undecodable(key) || (eq >= 0 && undecodable(pair.slice(eq + 1))))
      return { in: 'querystring', path: [undecodable(key) ? key : safeKey(key)], reason: 'invalid_utf8' }
  }
  return null
}
const safeKey = (k: string) => {
  try {
    return decodeURIComponent(k.replace(/\+/g, ' '))
  } catch {
    return k
  }
}

/** Headers whose values are stored or echoed (the rest are read as tokens, or not at all). */
const DATA_HEADERS = ['user-agent', 'referer', 'x-forwarded-for', 'x-real-ip', 'accept-language']

export function findBadInput(req: FastifyRequest): BadInput | null {
  const rawUrl = req.raw.url ?? ''
  const enc = badQueryEncoding(rawUrl)
  if (enc) return enc
  for (const where of ['params', 'querystring', 'body'] as const) {
    const value = where === 'params' ? req.params : where === 'querystring' ? req.query : req.body
    const hit = findBadString(value)
    if (hit) return { in: where, ...hit }
  }
  for (const h of DATA_HEADERS) {
    const v = req.headers[h]
    const hit = typeof v === 'string' || Array.isArray(v) ? findBadString(v) : null
    if (hit) return { in: 'headers', path: [h], reason: hit.reason }
  }
  return null
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Busboy's errors for a body that is not well-formed multipart (no boundary, truncated, broken headers). */
export function isMalformedMultipart(err: unknown): boolean {
  if (!(err instanceof Error) || (err as { code?: string }).code) return false
  return /^(Multipart: Boundary not found|Boundary required|Unexpected end of (form|multipart data)|Malformed part header|Missing Content-Type-header\.|Unsupported Content-Type\.)$|terminated early due to unexpected end of multipart data$/.test(
    err.message,
  )
}

const mapMultipartError = (err: unknown) =>
  isMalformedMultipart(err) ? multipartInvalid(undefined, { reason: (err as Error).message }) : err

/** Names and text of one part, with the path each is reported under. */
function partStrings(part: Multipart): [(string | number)[], unknown][] {
  return [
    [[part.fieldname], part.fieldname],
    [[part.fieldname, 'filename'], part.type === 'file' ? part.filename : undefined],
    [[part.fieldname, 'mimetype'], part.mimetype],
    [[part.fieldname], part.type === 'field' ? part.value : undefined],
  ]
}

/**
 * A part with a bad field name, file name or field value is refused (its stream drained). The fields read before
 * it are checked too: `req.file()` skips over them to the first file.
 */
function checkPart<P extends Multipart>(part: P | undefined): P | undefined {
  if (!part) return part
  const earlier = Object.values(part.fields ?? {}).flatMap((f) => (Array.isArray(f) ? f : [f])) as Multipart[]
  for (const p of [...earlier.filter((f) => f && f.type === 'field'), part])
    for (const [path, v] of partStrings(p)) {
      const reason = typeof v === 'string' ? badCharacter(v) : null
      if (reason) {
        if (part.type === 'file') part.file.resume()
        throw badInputError({ in: 'body', path, reason })
      }
    }
  if (part.type === 'file') {
    const toBuffer = part.toBuffer.bind(part)
    part.toBuffer = () => toBuffer().catch((err) => Promise.reject(mapMultipartError(err)))
  }
  return part
}

/** Wraps @fastify/multipart's readers on this request: malformed bodies and bad names become coded 400s. */
function guardMultipart(req: FastifyRequest) {
  const file = req.file.bind(req)
  const parts = req.parts.bind(req)
  req.file = (opts) =>
    file(opts).then(checkPart, (err) => {
      throw mapMultipartError(err)
    })
  req.parts = (opts) => {
    const it = parts(opts)
    const wrapped: AsyncIterableIterator<Multipart> = {
      next: () =>
        it.next().then(
          (r) => (r.done ? r : { done: false, value: checkPart(r.value)! }),
          (err) => {
            throw mapMultipartError(err)
          },
        ),
      return: (v?: unknown) => it.return?.(v) ?? Promise.resolve({ done: true, value: undefined }),
      [Symbol.asyncIterator]() {
        return wrapped
      },
    }
    return wrapped
  }
}

export interface RegisteredRoute {
  method: string
  url: string
}

/**
 * Registers the checks on the root instance (before any route): a strict UTF-8 JSON parser, one preValidation
 * hook over params, query, body and data headers, and the multipart wrappers. Also lists every route (the
 * all-routes bad-input test walks it, /open311 included).
 */
export function registerInputGuard(app: FastifyInstance) {
  const routes: RegisteredRoute[] = []
  app.decorate('allRoutes', routes)
  app.addHook('onRoute', (r) => {
    for (const m of Array.isArray(r.method) ? r.method : [r.method])
      if (m !== 'HEAD' && m !== 'OPTIONS') routes.push({ method: m, url: r.url })
  })

  const json = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    let text: string
    try {
      text = utf8.decode(body as Buffer)
    } catch {
      return done(badInputError({ in: 'body', path: [], reason: 'invalid_utf8' }), undefined)
    }
    return json(req, text, done)
  })

  app.addHook('preValidation', async (req) => {
    const bad = findBadInput(req)
    if (bad) throw badInputError(bad, /^en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'zh')
    if (req.isMultipart()) guardMultipart(req)
  })
}

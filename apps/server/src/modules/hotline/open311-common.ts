/** Shared pieces of the Open311 endpoint: errors, formats, form parsing, W3C times, settings. */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { toOpen311Xml, type XmlValue } from './open311-xml.ts'

export type Format = 'json' | 'xml'
export type Form = Record<string, string | string[]>

/** Bumped when the services, attributes or behaviour of this endpoint change. */
export const OPEN311_CHANGESET = '2026-12-02T00:00:00+08:00'
export const MAX_RESULTS = 1000
export const CATEGORY_CODE = /^\d{2}(\d{2}){0,5}$/
export const READ_LIMIT = { max: 120, timeWindow: '1 minute' }
export const WRITE_LIMIT = { max: 30, timeWindow: '1 minute' }

/** What the locality keeps out of Open311 (setting `hotline.open311`; confidential orders are never public). */
export interface Open311Settings {
  /** Request types never listed or served (default 投诉 and 举报: they name people and businesses). */
  nonPublicRequestTypes: string[]
  /** Category codes (with their subtrees) never listed or served. */
  nonPublicCategoryCodes: string[]
  /** Category codes (with subtrees) whose description is withheld even after redaction. */
  withheldDescriptionCategoryCodes: string[]
}
export const OPEN311_SETTINGS_KEY = 'hotline.open311'
export const DEFAULT_OPEN311_SETTINGS: Open311Settings = {
  nonPublicRequestTypes: ['complaint', 'report'],
  nonPublicCategoryCodes: [],
  withheldDescriptionCategoryCodes: [],
}

/** An Open311 error: HTTP status plus one or more {code, description} entries. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429 | 500,
    readonly errors: { code: number; description: string }[],
  ) {
    super(errors.map((e) => e.description).join('; '))
  }
}
export const bad = (description: string) => new Open311Error(400, [{ code: 400, description }])
export const notFound = (description: string) => new Open311Error(404, [{ code: 404, description }])

/** W3C date-time in China Standard Time: 2026-03-01T09:15:00+08:00. */
export function w3c(iso: string | Date | null | undefined): string | null {
  if (!iso) return null
  const t = typeof iso === 'string' ? Date.parse(iso) : iso.getTime()
  return `${new Date(t + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`
}

/** Parses a W3C date-time (time zone required; a bare date is taken as midnight CST); null when malformed. */
export function parseW3c(s: string): Date | null {
  const v = s.trim()
  const date = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+08:00` : v
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(date)) return null
  const t = Date.parse(date)
  if (Number.isNaN(t)) return null
  // Date.parse rolls 2026-02-30 over to March: the calendar date must survive the round trip.
  const local = date.slice(0, 10)
  const offset = /([+-]\d{2}):(\d{2})$/.exec(date)
  const sign = offset?.[1]?.startsWith('-') ? -1 : 1
  const shift = offset ? sign * (Math.abs(Number(offset[1])) * 60 + Number(offset[2])) * 60_000 : 0
  return new Date(t + shift).toISOString().slice(0, 10) === local ? new Date(t) : null
}

/** application/x-www-form-urlencoded → fields; repeated keys (attribute[X][]=a&attribute[X][]=b) become lists. */
export function parseForm(body: string): Form {
  const out: Form = {}
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k]
    if (prev === undefined) out[k] = k.endsWith('[]') ? [v] : v
    else out[k] = Array.isArray(prev) ? [...prev, v] : [prev, v]
  }
  return out
}

export const field = (form: Form, key: string): string | undefined => {
  const v = form[key]
  const s = Array.isArray(v) ? v[0] : v
  // "An optional parameter that is sent empty must give the same result as one that is left out."
  return s === undefined || s.trim() === '' ? undefined : s.trim()
}

/** A JSON body's fields as form fields: numbers and booleans as text, anything else (objects, null) refused. */
export function formOfJson(body: unknown): Form {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw bad('请求体应为 JSON 对象 (JSON object expected)')
  const out: Form = {}
  const text = (k: string, v: unknown): string => {
    if (typeof v === 'string') return v
    if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') return String(v)
    throw bad(`${k}: 应为字符串 (must be a string)`)
  }
  for (const [k, v] of Object.entries(body)) out[k] = Array.isArray(v) ? v.map((x) => text(k, x)) : text(k, v)
  return out
}

export const formatOf = (req: FastifyRequest): Format => (req.url.split('?')[0]!.endsWith('.xml') ? 'xml' : 'json')
export const send = (reply: FastifyReply, format: Format, status: number, root: string, value: XmlValue) =>
  format === 'xml'
    ? reply.code(status).type('text/xml; charset=utf-8').send(toOpen311Xml(root, value))
    : reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(value))
export const checkFormat = (format: string): Format => {
  if (format !== 'json' && format !== 'xml') throw notFound(`不支持的格式 .${format}（支持 .json 与 .xml）`)
  return format
}
/** True when the code is one of the prefixes or lies under one. */
export const underAny = (code: string | null, prefixes: string[]) => !!code && prefixes.some((p) => code.startsWith(p))

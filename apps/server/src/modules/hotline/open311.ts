/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over the 12345 hotline: the public standard API that
 * civic apps speak. Services are the leaf hotline categories, a service request is a work order (channel
 * 'open311'), statuses are open/closed. Every endpoint answers JSON or XML by the path's extension, and errors use
 * the standard list shape ([{code, description}] / <errors><error>…) with 400, 403 or 404. See docs/hotline.md.
 *
 * - service_request_id is the order's id (a UUID: ASCII, stable, the same for live and scenario orders); the
 *   order number (牟热〔2026〕000123) is in service_notice, and GET requests/{id} also accepts it.
 * - POST needs `api_key` = a platform API key with the `open311:submit` capability (no human role has it); the
 *   order's division must lie inside the key's scope. Reads are public and rate-limited.
 * - What a request shows is the hotline's public form of the order: no caller name, phone or e-mail, no internal
 *   notes; status_notes is the public reply (or the public status).
 */
import {
  isCnPhone,
  PUBLIC_STATUS_NAMES,
  type PublicOrder,
  REQUEST_TYPE_NAMES,
  REQUEST_TYPES,
} from '@ruyu/contracts/hotline'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { principalActor } from '../../platform/auth/service.ts'
import { AppError } from '../../platform/errors.ts'
import { inScope } from '../../platform/http/access.ts'
import { toOpen311Xml, type XmlValue } from './open311-xml.ts'
import { type HotlineService, hotlineActorOf } from './service.ts'

type Format = 'json' | 'xml'
type Form = Record<string, string | string[]>

/** Stable attribute codes of every service definition (clients send attribute[CODE]=value). */
export const OPEN311_ATTRIBUTES = ['REQUEST_TYPE', 'URGENCY', 'DIVISION', 'CONFIDENTIAL'] as const
/** Requests with no explicit REQUEST_TYPE are 求助 (someone asks for something to be fixed). */
const DEFAULT_REQUEST_TYPE = 'help'
/** Bumped when the services, attributes or behaviour of this endpoint change. */
export const OPEN311_CHANGESET = '2026-11-28T00:00:00+08:00'
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2'
const MAX_SPAN_DAYS = 90
const MAX_RESULTS = 1000
const DAY = 86_400_000
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const CATEGORY_CODE = /^\d{2}(\d{2}){0,5}$/
/** The line POST appends to the description for media_url; GET reads it back into media_url. */
const MEDIA_LINE = '图片/视频链接：'
const READ_LIMIT = { max: 120, timeWindow: '1 minute' }
const WRITE_LIMIT = { max: 30, timeWindow: '1 minute' }

/** An Open311 error: HTTP status plus one or more {code, description} entries. */
class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429 | 500,
    readonly errors: { code: number; description: string }[],
  ) {
    super(errors.map((e) => e.description).join('; '))
  }
}
const bad = (description: string) => new Open311Error(400, [{ code: 400, description }])
const notFound = (description: string) => new Open311Error(404, [{ code: 404, description }])

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

const field = (form: Form, key: string): string | undefined => {
  const v = form[key]
  const s = Array.isArray(v) ? v[0] : v
  // "An optional parameter that is sent empty must give the same result as one that is left out."
  return s === undefined || s.trim() === '' ? undefined : s.trim()
}

function attributesOf(form: Form): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(form)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(k)
    if (!m) continue
    const code = m[1]!
    if (!(OPEN311_ATTRIBUTES as readonly string[]).includes(code))
      throw bad(`attribute[${code}]: 未知的属性代码 (unknown attribute; see the service definition)`)
    const value = Array.isArray(v) ? v : [v]
    if (value.length > 1) throw bad(`attribute[${code}]: 只能取一个值 (singlevaluelist)`)
    if (value[0]?.trim()) out.set(code, value[0].trim())
  }
  return out
}

/** Chinese names read surname first; Latin ones given name first. */
function callerNameOf(first?: string, last?: string): string {
  if (!first && !last) return '匿名'
  if (/\p{Script=Han}/u.test(`${first ?? ''}${last ?? ''}`)) return `${last ?? ''}${first ?? ''}`
  return [first, last].filter(Boolean).join(' ')
}

const mediaOf = (description: string): string | null => {
  const i = description.lastIndexOf(`\n${MEDIA_LINE}`)
  if (i < 0) return null
  const url = description.slice(i + MEDIA_LINE.length + 1).trim()
  return /^https?:\/\/\S+$/.test(url) ? url : null
}

/** One work order as an Open311 request (JSON field order = the spec's XML element order). */
export function toServiceRequest(o: PublicOrder) {
  const merged = o.mergedIntoNumber ? `已与工单 ${o.mergedIntoNumber} 合并办理` : null
  const media = mediaOf(o.description)
  return {
    service_request_id: o.id,
    status: o.open ? ('open' as const) : ('closed' as const),
    status_notes: o.publicReply ?? merged ?? PUBLIC_STATUS_NAMES[o.publicStatus],
    service_name: o.categoryName ?? '待分类',
    service_code: o.categoryCode ?? '',
    description: media ? o.description.slice(0, o.description.lastIndexOf(`\n${MEDIA_LINE}`)) : o.description,
    agency_responsible: o.unitName,
    service_notice: `工单编号 ${o.number}`,
    requested_datetime: w3c(o.receivedAt)!,
    updated_datetime: w3c(o.closedAt ?? o.updatedAt),
    expected_datetime: o.open ? w3c(o.dueAt) : null,
    address: o.address,
    address_id: null,
    zipcode: null,
    lat: o.lat,
    long: o.lng,
    media_url: media,
  }
}

interface DivisionOption {
  code: string
  name: string
}

/**
 * Open311 GeoReport v2 routes; register with prefix /open311 (endpoint base /open311/v2, discovery at
 * /open311/discovery.{fmt} and /open311/v2/discovery.{fmt}).
 */
export function open311Routes(service: HotlineService) {
  return async (app: FastifyInstance) => {
    const { auth, db, config } = app.platform

    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => done(null, parseForm(String(body))),
    )

    // Browser-based Open311 clients call from other origins. The API takes no cookies (the api_key is a form
    // field), so any origin may call it; preflights are answered here.
    app.addHook('onRequest', async (_req, reply) => {
      reply.header('access-control-allow-origin', '*')
    })
    app.options('/*', async (_req, reply) =>
      reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', 'content-type, accept, accept-language')
        .header('access-control-max-age', '86400')
        .send(),
    )

    const formatOf = (req: FastifyRequest): Format => {
      const path = req.url.split('?')[0]!
      return path.endsWith('.xml') ? 'xml' : 'json'
    }
    const send = (reply: FastifyReply, format: Format, status: number, root: string, value: XmlValue) =>
      format === 'xml'
        ? reply.code(status).type('text/xml; charset=utf-8').send(toOpen311Xml(root, value))
        : reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(value))
    const checkFormat = (format: string): Format => {
      if (format !== 'json' && format !== 'xml') throw notFound(`不支持的格式 .${format}（支持 .json 与 .xml）`)
      return format
    }

    app.setErrorHandler((err, req, reply) => {
      let e: Open311Error
      if (err instanceof Open311Error) e = err
      else if (err instanceof AppError) {
        const status =
          err.status === 403 || err.status === 401 ? 403 : err.status === 404 ? 404 : err.status === 429 ? 429 : 400
        const en = /^en\b/i.test(String(req.headers['accept-language'] ?? ''))
        e = new Open311Error(status, [{ code: status, description: en ? err.messages.en : err.messages.zh }])
      } else if ((err as { statusCode?: number }).statusCode === 429)
        e = new Open311Error(429, [{ code: 429, description: '请求过于频繁，请稍后再试 (rate limited)' }])
      else if ((err as { statusCode?: number }).statusCode && (err as { statusCode: number }).statusCode < 500)
        e = bad(`请求格式不正确 (${(err as Error).message})`)
      else {
        req.log.error({ err }, 'open311 failure')
        e = new Open311Error(500, [{ code: 500, description: `系统内部错误，请求编号 ${req.id}` }])
      }
      return send(reply, formatOf(req), e.status, 'errors', e.errors)
    })
    app.setNotFoundHandler((req, reply) =>
      send(reply, formatOf(req), 404, 'errors', [{ code: 404, description: '接口不存在 (no such Open311 endpoint)' }]),
    )

    // --- discovery ---
    const discovery = async (req: FastifyRequest<{ Params: { format: string } }>, reply: FastifyReply) => {
      const format = checkFormat(req.params.format)
      const url = `${req.protocol}://${req.host}/open311/v2`
      return send(reply, format, 200, 'discovery', {
        changeset: OPEN311_CHANGESET,
        contact: '牟平区 12345 政务服务便民热线（如鱼平台管理员）',
        key_service: '向平台管理员申请具有 open311:submit 权限的 API 密钥（系统管理 → API 密钥）；读取接口无需密钥',
        endpoints: [
          {
            specification: SPECIFICATION,
            url,
            changeset: OPEN311_CHANGESET,
            type: config.production ? 'production' : 'test',
            formats: ['text/xml', 'application/json'],
          },
        ],
      })
    }
    const readCfg = { config: { access: 'public' as const, rateLimit: READ_LIMIT }, schema: { hide: true } }
    app.get('/discovery.:format', readCfg, discovery)
    app.get('/v2/discovery.:format', readCfg, discovery)

    // --- services ---
    async function leafCategories() {
      const all = await service.categories()
      const parents = new Set(all.map((c) => c.parentId).filter(Boolean))
      const byId = new Map(all.map((c) => [c.id, c]))
      const rootOf = (c: (typeof all)[number]) => {
        let cur = c
        while (cur.parentId && byId.has(cur.parentId)) cur = byId.get(cur.parentId)!
        return cur
      }
      return all.filter((c) => !parents.has(c.id)).map((c) => ({ ...c, group: rootOf(c).name }))
    }
    const serviceOf = async (code: string) => {
      if (!CATEGORY_CODE.test(code)) return null
      return (await leafCategories()).find((c) => c.code === code) ?? null
    }

    app.get<{ Params: { format: string } }>('/v2/services.:format', readCfg, async (req, reply) => {
      const format = checkFormat(req.params.format)
      const leaves = await leafCategories()
      return send(
        reply,
        format,
        200,
        'services',
        leaves.map((c) => ({
          service_code: c.code,
          service_name: c.name,
          description: c.guidance ? `${c.pathName}。${c.guidance}` : c.pathName,
          metadata: true,
          type: 'realtime',
          keywords: c.pathName
            .split('/')
            .map((s) => s.trim())
            .filter(Boolean)
            .join(','),
          group: c.group,
        })),
      )
    })

    // Towns and villages (GB/T 2260 + statistics codes) for the DIVISION attribute; reference data, cached.
    let divisionCache: { at: number; items: DivisionOption[] } | null = null
    async function divisions(): Promise<DivisionOption[]> {
      if (divisionCache && Date.now() - divisionCache.at < 10 * 60_000) return divisionCache.items
      const { rows } = await db.query(
        `select d.code, d.name, t.name as town from core_division d
         left join core_division t on t.code = left(d.code, 9) and t.data_year = d.data_year and d.level = 'village'
         where d.data_year = (select max(data_year) from core_division) and d.level in ('town', 'village')
         order by d.code`,
      )
      const items = rows.map((r) => ({ code: r.code as string, name: r.town ? `${r.town} / ${r.name}` : r.name }))
      divisionCache = { at: Date.now(), items }
      return items
    }

    app.get<{ Params: { code: string; format: string } }>('/v2/services/:code.:format', readCfg, async (req, reply) => {
      const format = checkFormat(req.params.format)
      const c = await serviceOf(req.params.code)
      if (!c) throw notFound(`服务代码 ${req.params.code} 不存在 (unknown service_code)`)
      return send(reply, format, 200, 'service_definition', {
        service_code: c.code,
        attributes: [
          {
            variable: true,
            code: 'REQUEST_TYPE',
            datatype: 'singlevaluelist',
            required: false,
            datatype_description: `诉求类型，缺省为“${REQUEST_TYPE_NAMES[DEFAULT_REQUEST_TYPE]}”`,
            order: 1,
            description: '您的诉求属于哪一类？',
            values: REQUEST_TYPES.map((t) => ({ key: t, name: REQUEST_TYPE_NAMES[t] })),
          },
          {
            variable: true,
            code: 'URGENCY',
            datatype: 'singlevaluelist',
            required: false,
            datatype_description: '紧急诉求 24 小时内办理，缺省为“一般”',
            order: 2,
            description: '是否涉及人身、财产安全的紧急情况？',
            values: [
              { key: 'normal', name: '一般' },
              { key: 'urgent', name: '紧急' },
            ],
          },
          {
            variable: true,
            code: 'DIVISION',
            datatype: 'singlevaluelist',
            required: false,
            datatype_description: '诉求发生地所在镇街或村居（行政区划代码），缺省为 API 密钥的管辖范围',
            order: 3,
            description: '诉求发生在哪个镇街、村居？',
            values: (await divisions()).map((d) => ({ key: d.code, name: d.name })),
          },
          {
            variable: true,
            code: 'CONFIDENTIAL',
            datatype: 'singlevaluelist',
            required: false,
            datatype_description: '保密：承办单位看不到来电人的姓名和电话',
            order: 4,
            description: '是否需要对您的个人信息保密？',
            values: [
              { key: 'false', name: '不需要' },
              { key: 'true', name: '需要保密' },
            ],
          },
        ],
      })
    })

    // --- requests ---
    app.post<{ Params: { format: string }; Querystring: Record<string, string> }>(
      '/v2/requests.:format',
      { config: { access: 'public', rateLimit: WRITE_LIMIT }, schema: { hide: true } },
      async (req, reply) => {
        const format = checkFormat(req.params.format)
        const form: Form = { ...(req.query ?? {}), ...((req.body as Form | undefined) ?? {}) }
        // The key first: without a valid one nothing else is looked at (403, as the spec requires).
        const key = field(form, 'api_key')
        if (!key) throw new Open311Error(403, [{ code: 403, description: '缺少 api_key (api_key is required)' }])
        const principal = await auth.fromApiKey(key).catch(() => null)
        if (!principal?.capabilities.has('open311:submit'))
          throw new Open311Error(403, [
            { code: 403, description: 'api_key 无效或无 Open311 提交权限 (invalid api_key)' },
          ])

        const code = field(form, 'service_code')
        if (!code) throw bad('缺少 service_code (service_code is required)')
        const category = await serviceOf(code)
        if (!category) throw notFound(`服务代码 ${code} 不存在 (unknown service_code)`)

        const errors: string[] = []
        const attrs = attributesOf(form)
        const latS = field(form, 'lat')
        const lngS = field(form, 'long')
        const addressString = field(form, 'address_string')
        const addressId = field(form, 'address_id')
        let lat: number | undefined
        let lng: number | undefined
        if (latS !== undefined || lngS !== undefined) {
          lat = Number(latS)
          lng = Number(lngS)
          if (latS === undefined || lngS === undefined) errors.push('lat 与 long 须同时提供 (lat and long go together)')
          else if (!Number.isFinite(lat) || Math.abs(lat) > 90 || !Number.isFinite(lng) || Math.abs(lng) > 180)
            errors.push('lat/long 不是有效的 WGS84 坐标 (invalid lat/long)')
        }
        if (latS === undefined && !addressString && !addressId)
          errors.push('须提供位置：lat + long、address_string 或 address_id (a location is required)')
        if (addressString && [...addressString].length > 200) errors.push('address_string 不能超过 200 个字符')

        const requestType = attrs.get('REQUEST_TYPE') ?? DEFAULT_REQUEST_TYPE
        if (!(REQUEST_TYPES as readonly string[]).includes(requestType))
          errors.push(`attribute[REQUEST_TYPE]: 取值应为 ${REQUEST_TYPES.join('/')}`)
        const urgency = attrs.get('URGENCY') ?? 'normal'
        if (urgency !== 'normal' && urgency !== 'urgent') errors.push('attribute[URGENCY]: 取值应为 normal/urgent')
        const confidential = attrs.get('CONFIDENTIAL') ?? 'false'
        if (confidential !== 'true' && confidential !== 'false')
          errors.push('attribute[CONFIDENTIAL]: 取值应为 true/false')
        const scope = principal.scopes[0] ?? ''
        const divisionCode = attrs.get('DIVISION') ?? scope
        if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(divisionCode)) errors.push('attribute[DIVISION]: 行政区划代码格式不正确')
        else if (!inScope(principal, divisionCode))
          errors.push(`attribute[DIVISION]: ${divisionCode} 不在该 API 密钥的管辖范围 ${scope} 内`)

        const phone = field(form, 'phone')
        if (!phone) errors.push('缺少 phone：12345 热线需回访来电人 (phone is required for the follow-up call)')
        else if (!isCnPhone(phone)) errors.push('phone 应为 11 位手机号或带区号的固定电话')
        const email = field(form, 'email')
        if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push('email 格式不正确')
        const mediaUrl = field(form, 'media_url')
        if (mediaUrl && !/^https?:\/\/\S{1,990}$/.test(mediaUrl)) errors.push('media_url 应为 http(s) 链接')
        let description = field(form, 'description') ?? `${category.pathName}（Open311 提交，未填写描述）`
        if (mediaUrl) description = `${description}\n${MEDIA_LINE}${mediaUrl}`
        if ([...description].length > 4000) errors.push('description 不能超过 4000 个字符')
        const first = field(form, 'first_name')
        const last = field(form, 'last_name')
        const callerName = callerNameOf(first, last)
        if ([...callerName].length > 50) errors.push('first_name + last_name 不能超过 50 个字符')
        if (errors.length)
          throw new Open311Error(
            400,
            errors.map((description) => ({ code: 400, description })),
          )

        const address =
          addressString ??
          (addressId
            ? `地址编号 ${addressId}`.slice(0, 200)
            : `经纬度 ${lat!.toFixed(6)}, ${lng!.toFixed(6)}（${(await divisions()).find((d) => d.code === divisionCode)?.name ?? divisionCode}）`)
        const actor = hotlineActorOf(principal, principalActor(principal))
        let outcome: Awaited<ReturnType<HotlineService['intake']>>
        try {
          outcome = await service.intake(
            actor,
            {
              channel: 'open311',
              callerName,
              callerPhone: phone!,
              confidential: confidential === 'true',
              requestType: requestType as (typeof REQUEST_TYPES)[number],
              urgency: urgency as 'normal' | 'urgent',
              categoryId: category.id,
              divisionCode,
              address,
              ...(lat !== undefined && lng !== undefined ? { lat, lng } : {}),
              description,
            },
            { requestId: req.id },
          )
        } catch (err) {
          // The intake's field issues, named by the Open311 parameter they came from.
          const issues = err instanceof AppError ? (err.details?.issues as { path: string[]; message: string }[]) : null
          if (!issues?.length) throw err
          const PARAM: Record<string, string> = {
            callerName: 'first_name/last_name',
            callerPhone: 'phone',
            divisionCode: 'attribute[DIVISION]',
            address: 'address_string',
            lat: 'lat',
            lng: 'long',
            description: 'description',
            categoryId: 'service_code',
          }
          throw new Open311Error(
            400,
            issues.map((i) => ({
              code: 400,
              description: `${PARAM[String(i.path[0])] ?? i.path.join('.')}: ${i.message}`,
            })),
          )
        }
        // Contact details the public must never see go on the internal timeline, for the centre's follow-up.
        const accountId = field(form, 'account_id')
        const deviceId = field(form, 'device_id')
        const extra = [
          email && `电子邮箱 ${email}`,
          accountId && `Open311 账户 ${accountId}`,
          deviceId && `设备 ${deviceId}`,
        ].filter(Boolean)
        if (extra.length)
          await service
            .note(actor, outcome.id, { text: `Open311 提交信息：${extra.join('；')}`.slice(0, 2000) }, req.id)
            .catch((err) => req.log.error({ err, orderId: outcome.id }, 'open311: contact note not recorded'))
        const order = await service.getPublicOrder(outcome.id)
        const due = order?.dueAt ? w3c(order.dueAt)!.slice(0, 10) : null
        return send(reply, format, 201, 'service_requests', [
          {
            service_request_id: outcome.id,
            service_notice: `已受理，工单编号 ${outcome.number}${due ? `，承办单位原则上于 ${due} 前答复` : ''}。`,
            account_id: accountId ?? null,
          },
        ])
      },
    )

    /** Order ids for a list of service_request_id values: UUIDs as they are, order numbers looked up. */
    async function idsOf(values: string[]): Promise<string[]> {
      const ids = values.filter((v) => UUID.test(v)).map((v) => v.toLowerCase())
      const numbers = values.filter((v) => !UUID.test(v))
      if (numbers.length) {
        const { rows } = await db.query('select id from hotline_order where number = any($1::text[])', [numbers])
        ids.push(...rows.map((r) => r.id as string))
      }
      return ids
    }

    app.get<{ Params: { format: string }; Querystring: Record<string, string | string[]> }>(
      '/v2/requests.:format',
      readCfg,
      async (req, reply) => {
        const format = checkFormat(req.params.format)
        const q = req.query as Form
        const list = (key: string) =>
          (field(q, key) ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        const wanted = list('service_request_id')
        if (wanted.length) {
          // "service_request_id … overrides all other arguments."
          if (wanted.length > MAX_RESULTS) throw bad(`service_request_id 最多 ${MAX_RESULTS} 个`)
          const ids = await idsOf(wanted)
          const orders = ids.length ? await service.listPublicOrders({ ids, limit: MAX_RESULTS }) : []
          return send(reply, format, 200, 'service_requests', orders.map(toServiceRequest))
        }
        const errors: string[] = []
        const codes = list('service_code')
        for (const c of codes) if (!CATEGORY_CODE.test(c)) errors.push(`service_code ${c} 格式不正确`)
        const statuses = list('status')
        for (const s of statuses)
          if (s !== 'open' && s !== 'closed') errors.push(`status 应为 open 或 closed，而不是 ${s}`)
        const startS = field(q, 'start_date')
        const endS = field(q, 'end_date')
        const start = startS ? parseW3c(startS) : null
        const end = endS ? parseW3c(endS) : null
        if (startS && !start) errors.push('start_date 应为带时区的 W3C 日期时间，如 2026-03-01T00:00:00+08:00')
        if (endS && !end) errors.push('end_date 应为带时区的 W3C 日期时间，如 2026-03-31T23:59:59+08:00')
        if (errors.length)
          throw new Open311Error(
            400,
            errors.map((description) => ({ code: 400, description })),
          )
        // Default window: the last 90 days; a given range may not span more than 90 days.
        const to = end ?? (start ? new Date(start.getTime() + MAX_SPAN_DAYS * DAY) : new Date())
        const from = start ?? new Date(to.getTime() - MAX_SPAN_DAYS * DAY)
        if (from > to) throw bad('start_date 不能晚于 end_date')
        if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY) throw bad(`时间范围不能超过 ${MAX_SPAN_DAYS} 天`)
        const state = statuses.length === 1 ? (statuses[0] as 'open' | 'closed') : undefined
        const orders = await service.listPublicOrders({
          categoryCodes: codes.length ? codes : undefined,
          state,
          from,
          to: new Date(to.getTime() + 1),
          limit: MAX_RESULTS,
        })
        return send(reply, format, 200, 'service_requests', orders.map(toServiceRequest))
      },
    )

    app.get<{ Params: { id: string; format: string } }>('/v2/requests/:id.:format', readCfg, async (req, reply) => {
      const format = checkFormat(req.params.format)
      const [id] = await idsOf([req.params.id.trim()])
      const order = id ? await service.getPublicOrder(id) : null
      if (!order) throw notFound(`服务请求 ${req.params.id} 不存在 (unknown service_request_id)`)
      return send(reply, format, 200, 'service_requests', [toServiceRequest(order)])
    })

    // Every service is realtime (POST answers with service_request_id), so no token is ever issued.
    app.get<{ Params: { token: string; format: string } }>('/v2/tokens/:token.:format', readCfg, async (req, reply) => {
      const format = checkFormat(req.params.format)
      return send(reply, format, 404, 'errors', [
        {
          code: 404,
          description: `令牌 ${req.params.token} 不存在：本接口的服务均为 realtime，提交即返回 service_request_id`,
        },
      ])
    })
  }
}

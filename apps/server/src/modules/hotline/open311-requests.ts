/** Open311 service requests: POST (an API key's intake) and the public GET views of orders. */
import {
  isCnPhone,
  PUBLIC_STATUS_NAMES,
  type PublicOrder,
  type PublicOrderFilter,
  REQUEST_TYPES,
} from '@ruyu/contracts/hotline'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { principalActor } from '../../platform/auth/service.ts'
import { AppError } from '../../platform/errors.ts'
import { inScope } from '../../platform/http/access.ts'
import {
  bad,
  CATEGORY_CODE,
  checkFormat,
  DEFAULT_OPEN311_SETTINGS,
  type Form,
  field,
  formOfJson,
  MAX_RESULTS,
  notFound,
  OPEN311_SETTINGS_KEY,
  Open311Error,
  type Open311Settings,
  parseForm,
  parseW3c,
  send,
  underAny,
  WRITE_LIMIT,
  w3c,
} from './open311-common.ts'
import { DEFAULT_REQUEST_TYPE, OPEN311_ATTRIBUTES, type open311Catalog, readCfg } from './open311-services.ts'
import { type HotlineService, hotlineActorOf } from './service.ts'

const MAX_SPAN_DAYS = 90
const DAY = 86_400_000
/** Public ids: R + 20 hex digits (migration 0019). */
const PUBLIC_ID = /^R[0-9A-F]{20}$/
const INTL_PHONE = /^\+[1-9]\d{6,14}$/
/** The line POST appends to the description for media_url. */
const MEDIA_LINE = '图片/视频链接：'

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

const withoutMedia = (description: string) => {
  const i = description.lastIndexOf(`\n${MEDIA_LINE}`)
  return i < 0 ? description : description.slice(0, i)
}

/**
 * One work order as an Open311 request (JSON field order = the spec's XML element order). It shows no more than
 * the tracking page (/12345/track) does: status, public reply, category, handling unit, received and closed times,
 * and the description with personal data removed (withheld for categories the locality lists). No number, address,
 * coordinates, media or due date: those are for the caller and the staff.
 */
export function toServiceRequest(o: PublicOrder, s: Open311Settings) {
  const merged = o.mergedIntoNumber ? '已与同类诉求合并办理' : null
  return {
    service_request_id: o.publicId,
    status: o.open ? ('open' as const) : ('closed' as const),
    status_notes: o.publicReply ?? merged ?? PUBLIC_STATUS_NAMES[o.publicStatus],
    service_name: o.categoryName ?? '待分类',
    service_code: o.categoryCode ?? '',
    description: underAny(o.categoryCode, s.withheldDescriptionCategoryCodes) ? null : withoutMedia(o.description),
    agency_responsible: o.unitName,
    service_notice: null,
    requested_datetime: w3c(o.receivedAt)!,
    updated_datetime: w3c(o.closedAt ?? o.updatedAt),
    expected_datetime: null,
    address: null,
    address_id: null,
    zipcode: null,
    lat: null,
    long: null,
    media_url: null,
  }
}

export function open311RequestRoutes(
  app: FastifyInstance,
  service: HotlineService,
  catalog: ReturnType<typeof open311Catalog>,
) {
  const { auth, config, settings } = app.platform
  const box = config.open311Bbox
  const open311Settings = async (): Promise<Open311Settings> => ({
    ...DEFAULT_OPEN311_SETTINGS,
    ...(await settings.get<Partial<Open311Settings>>(OPEN311_SETTINGS_KEY, {})),
  })
  /** Orders the public may see, restricted to the listed services (so every service_code served is listed). */
  async function publicOrders(f: PublicOrderFilter): Promise<PublicOrder[]> {
    const s = await open311Settings()
    const listed = (await catalog.leafCategories()).map((c) => c.code)
    const codes = f.categoryCodes ? f.categoryCodes.filter((c) => listed.includes(c)) : listed
    if (!codes.length || (f.publicIds && !f.publicIds.length)) return []
    return service.listPublicOrders({
      ...f,
      categoryCodes: codes,
      publicOnly: { requestTypes: s.nonPublicRequestTypes, categoryCodes: s.nonPublicCategoryCodes },
      limit: MAX_RESULTS,
    })
  }
  const view = async (o: PublicOrder) => toServiceRequest(o, await open311Settings())

  /** The POST body as form fields, whatever the content type (form, multipart, JSON). */
  async function bodyOf(req: FastifyRequest): Promise<Form> {
    if (req.isMultipart()) {
      const out: Form = {}
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          await part.toBuffer() // media travels as media_url; uploaded files are drained and ignored
          continue
        }
        const v = String(part.value ?? '')
        const prev = out[part.fieldname]
        out[part.fieldname] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v]
      }
      return out
    }
    if (typeof req.body === 'string') return parseForm(req.body)
    if (req.body === undefined || req.body === null) return {}
    const form = req.body as Form
    return req.headers['content-type']?.includes('x-www-form-urlencoded') ? form : formOfJson(req.body)
  }

  app.post<{ Params: { format: string }; Querystring: Record<string, string> }>(
    '/v2/requests.:format',
    { config: { access: 'public', rateLimit: WRITE_LIMIT }, schema: { hide: true } },
    async (req, reply) => {
      const format = checkFormat(req.params.format)
      const form: Form = { ...(req.query ?? {}), ...(await bodyOf(req)) }
      // The key first: without a valid one nothing else is looked at (403, as the spec requires).
      const key = field(form, 'api_key')
      if (!key) throw new Open311Error(403, [{ code: 403, description: '缺少 api_key (api_key is required)' }])
      const principal = await auth.fromApiKey(key).catch(() => null)
      if (!principal?.capabilities.has('open311:submit'))
        throw new Open311Error(403, [{ code: 403, description: 'api_key 无效或无 Open311 提交权限 (invalid api_key)' }])

      const code = field(form, 'service_code')
      if (!code) throw bad('缺少 service_code (service_code is required)')
      const category = await catalog.serviceOf(code)
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
        else if (lat < box.minLat || lat > box.maxLat || lng < box.minLng || lng > box.maxLng)
          errors.push(
            `lat/long 不在本辖区范围内（纬度 ${box.minLat}–${box.maxLat}，经度 ${box.minLng}–${box.maxLng}）(outside the district)`,
          )
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

      // GeoReport v2 makes phone optional; mainland numbers and international (+1 …) ones are both taken.
      const phone = field(form, 'phone')?.replace(/[\s()]/g, '')
      if (phone && !isCnPhone(phone) && !INTL_PHONE.test(phone))
        errors.push('phone 应为手机号、带区号的固定电话或国际号码（+86…）')
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
          : `经纬度 ${lat!.toFixed(6)}, ${lng!.toFixed(6)}（${(await catalog.divisions()).find((d) => d.code === divisionCode)?.name ?? divisionCode}）`)
      const actor = hotlineActorOf(principal, principalActor(principal))
      let outcome: Awaited<ReturnType<HotlineService['intake']>>
      try {
        outcome = await service.intake(
          actor,
          {
            channel: 'open311',
            callerName,
            callerPhone: phone ? phone.replace(/^\+86-?(?=1[3-9]\d{9}$)/, '') : '',
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
          service_request_id: order!.publicId,
          service_notice: `已受理，工单编号 ${outcome.number}${due ? `，承办单位原则上于 ${due} 前答复` : ''}。`,
          account_id: accountId ?? null,
        },
      ])
    },
  )

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
        const orders = await publicOrders({ publicIds: wanted.filter((v) => PUBLIC_ID.test(v)) })
        return send(reply, format, 200, 'service_requests', await Promise.all(orders.map(view)))
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
      const orders = await publicOrders({
        categoryCodes: codes.length ? codes : undefined,
        state,
        from,
        to: new Date(to.getTime() + 1),
      })
      return send(reply, format, 200, 'service_requests', await Promise.all(orders.map(view)))
    },
  )

  app.get<{ Params: { id: string; format: string } }>('/v2/requests/:id.:format', readCfg, async (req, reply) => {
    const format = checkFormat(req.params.format)
    const id = req.params.id.trim()
    const [order] = PUBLIC_ID.test(id) ? await publicOrders({ publicIds: [id] }) : []
    if (!order) throw notFound(`服务请求 ${req.params.id} 不存在 (unknown service_request_id)`)
    return send(reply, format, 200, 'service_requests', [await view(order)])
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

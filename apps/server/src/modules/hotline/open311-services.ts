/** Open311 discovery, service list and service definitions (the hotline's leaf categories). */
import { REQUEST_TYPE_NAMES, REQUEST_TYPES } from '@ruyu/contracts/hotline'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { CATEGORY_CODE, checkFormat, notFound, OPEN311_CHANGESET, READ_LIMIT, send } from './open311-common.ts'
import type { HotlineService } from './service.ts'

/** Stable attribute codes of every service definition (clients send attribute[CODE]=value). */
export const OPEN311_ATTRIBUTES = ['REQUEST_TYPE', 'URGENCY', 'DIVISION', 'CONFIDENTIAL'] as const
/** Requests with no explicit REQUEST_TYPE are 求助 (someone asks for something to be fixed). */
export const DEFAULT_REQUEST_TYPE = 'help'
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2'
export const readCfg = { config: { access: 'public' as const, rateLimit: READ_LIMIT }, schema: { hide: true } }

interface DivisionOption {
  code: string
  name: string
}

/** The services (active leaf categories) and the division lookups the request routes share. */
export function open311Catalog(app: FastifyInstance, service: HotlineService) {
  const { db } = app.platform
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

  // Towns and villages (GB/T 2260 + statistics codes); reference data, cached.
  let divisionCache: { at: number; items: (DivisionOption & { level: string })[] } | null = null
  async function divisions() {
    if (divisionCache && Date.now() - divisionCache.at < 10 * 60_000) return divisionCache.items
    const { rows } = await db.query(
      `select d.code, d.name, d.level, t.name as town from core_division d
       left join core_division t on t.code = left(d.code, 9) and t.data_year = d.data_year and d.level = 'village'
       where d.data_year = (select max(data_year) from core_division) and d.level in ('town', 'village')
       order by d.code`,
    )
    const items = rows.map((r) => ({
      code: r.code as string,
      level: r.level as string,
      name: r.town ? `${r.town} / ${r.name}` : (r.name as string),
    }))
    divisionCache = { at: Date.now(), items }
    return items
  }
  const towns = async (): Promise<DivisionOption[]> =>
    (await divisions()).filter((d) => d.level === 'town').map(({ code, name }) => ({ code, name }))
  return { leafCategories, serviceOf, divisions, towns }
}

export function open311ServiceRoutes(app: FastifyInstance, catalog: ReturnType<typeof open311Catalog>) {
  const { config } = app.platform
  const { leafCategories, serviceOf, towns } = catalog
  // --- discovery ---
  const discovery = async (req: FastifyRequest<{ Params: { format: string } }>, reply: FastifyReply) => {
    const format = checkFormat(req.params.format)
    // From PUBLIC_URL, never the Host header (a forged Host would otherwise be echoed to clients).
    const url = `${config.publicUrl}/open311/v2`
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
          // Towns only, to keep the definition small; a village's 12-digit code is accepted too.
          datatype_description:
            '诉求发生地所在镇街（9 位行政区划代码）；也可填村居的 12 位代码（见 /api/public/hotline/divisions?parentCode=镇街代码）；缺省为 API 密钥的管辖范围',
          order: 3,
          description: '诉求发生在哪个镇街？',
          values: (await towns()).map((d) => ({ key: d.code, name: d.name })),
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
}

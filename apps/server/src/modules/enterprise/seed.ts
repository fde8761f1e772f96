/**
 * Demo data of the enterprise service cloud. `seedEnterpriseReference` (before the demo accounts): provider org
 * units, providers, ~25 services across the five modules, ~300 Muping enterprises plus the two demo enterprises.
 * `seedEnterpriseDemo` (after the demo accounts): verified memberships of the demo enterprise accounts, requests in
 * every state (through the workflow engine, acted on as the provider staff) and supply-demand board posts.
 * Idempotent: re-running adds nothing that is already there.
 */
import { type Actor, SYSTEM_ACTOR } from '../../platform/audit.ts'
import { ensureDocSeries } from '../../platform/doc-number.ts'
import type { Platform } from '../../platform/platform.ts'
import type { EngineActor } from '../workflow/index.ts'
import { classifyScale, rng, searchTokens } from './domain.ts'
import { enterpriseRepo as repo } from './repo.ts'
import { REQUEST_SERIES } from './requests.ts'
import type { EnterpriseService } from './service.ts'

export const DEMO_SEED = 20260512
export const DEMO_ENTERPRISES = 300

/** The demo enterprise account's company (seed account `enterprise`). */
export const DEMO_USCC = '91370612MA3C12346J'
/** The second demo enterprise (seed account `enterprise2`), for isolation tests. */
export const DEMO_USCC_2 = '91370612MA3D8K5W6A'

const FIXED = [
  {
    uscc: DEMO_USCC,
    name: '烟台如鱼生物科技有限公司',
    legalRepresentative: '于海洋',
    divisionCode: '370612005',
    parkCode: 'MP-PARK-LSC',
    industryCode: 'C2710',
    foundedOn: '2018-06-18',
    employees: 326,
    revenueWan: 12800,
    rndWan: 960,
    assetsWan: null,
    tags: ['高新技术企业', '科技型中小企业', '专精特新', '规上企业'],
    address: '山东省烟台市牟平区大窑街道新城大街1177号生命科学城A3栋',
  },
  {
    uscc: DEMO_USCC_2,
    name: '烟台鲁味海洋食品有限公司',
    legalRepresentative: '曲春华',
    divisionCode: '370612004',
    parkCode: 'MP-PARK-TW',
    industryCode: 'C1362',
    foundedOn: '2011-03-09',
    employees: 236,
    revenueWan: 21500,
    rndWan: 180,
    assetsWan: null,
    tags: ['规上企业', '农业产业化龙头企业', '外贸出口企业'],
    address: '山东省烟台市牟平区武宁街道台湾工业园通海路88号',
  },
] as const

/** Provider org units (core_org_unit kind 'provider') whose posts act for the provider. */
export const PROVIDER_UNITS = [
  { code: 'MP-PRV-RCB', name: '烟台农村商业银行股份有限公司牟平支行', shortName: '农商银行牟平支行' },
  { code: 'MP-PRV-LAW', name: '山东昆嵛律师事务所', shortName: '昆嵛律所' },
  { code: 'MP-PRV-YTU', name: '烟台大学技术转移中心', shortName: '烟大技术转移中心' },
  { code: 'MP-PRV-SME', name: '牟平区中小企业公共服务中心', shortName: '中小企业服务中心' },
] as const

const PROVIDERS = [
  {
    code: 'RCB-MP',
    name: '烟台农商银行牟平支行',
    kind: 'bank',
    unit: 'MP-PRV-RCB',
    description: '面向中小微企业的信用贷款、“鲁科贷”、知识产权质押融资和应收账款融资。',
  },
  {
    code: 'LAW-KY',
    name: '山东昆嵛律师事务所',
    kind: 'law_firm',
    unit: 'MP-PRV-LAW',
    description: '“法律进企业”公益律师服务：合同审查、劳动用工合规、知识产权与纠纷调解。',
  },
  {
    code: 'YTU-TT',
    name: '烟台大学技术转移中心',
    kind: 'university',
    unit: 'MP-PRV-YTU',
    description: '产学研合作、技术攻关对接、科技成果转化和研究生联合培养。',
  },
  {
    code: 'SME-MP',
    name: '牟平区中小企业公共服务中心',
    kind: 'agency',
    unit: 'MP-PRV-SME',
    description: '供需对接、产业链配套、展会推介和企业管理咨询。',
  },
  {
    code: 'RSJ-MP',
    name: '牟平区人力资源和社会保障局',
    kind: 'department',
    unit: 'MP-RSJ',
    description: '企业招聘、职业技能培训补贴、人才引进政策兑现。',
  },
  {
    code: 'KJJ-MP',
    name: '牟平区科学技术局',
    kind: 'department',
    unit: 'MP-KJJ',
    description: '高新技术企业和科技型中小企业培育、科技项目申报辅导。',
  },
] as const

type Module = 'financing' | 'talent' | 'supply_demand' | 'legal' | 'technology'
const SERVICES: [
  code: string,
  module: Module,
  provider: string,
  name: string,
  description: string,
  req: string,
  materials: string[],
][] = [
  [
    'FIN-001',
    'financing',
    'RCB-MP',
    '小微企业信用贷款',
    '无抵押纯信用贷款，单户最高500万元，利率优惠。',
    '正常经营满1年，纳税信用B级及以上。',
    ['营业执照', '近一年财务报表', '纳税证明'],
  ],
  [
    'FIN-002',
    'financing',
    'RCB-MP',
    '“鲁科贷”科技成果转化贷款',
    '面向科技型企业的省级风险补偿贷款。',
    '入库科技型中小企业或高新技术企业。',
    ['营业执照', '科技型企业证明', '项目说明'],
  ],
  [
    'FIN-003',
    'financing',
    'RCB-MP',
    '知识产权质押融资',
    '以专利权、商标权质押获得贷款。',
    '拥有有效发明专利或注册商标。',
    ['营业执照', '知识产权证书', '评估报告'],
  ],
  [
    'FIN-004',
    'financing',
    'RCB-MP',
    '应收账款融资',
    '依托供应链平台以应收账款融资。',
    '与核心企业存在真实贸易往来。',
    ['营业执照', '购销合同', '发票'],
  ],
  [
    'FIN-005',
    'financing',
    'RCB-MP',
    '创业担保贷款',
    '个人及小微企业创业担保贷款，财政贴息。',
    '符合创业担保贷款扶持对象条件。',
    ['营业执照', '身份证明', '吸纳就业证明'],
  ],
  [
    'TAL-001',
    'talent',
    'RSJ-MP',
    '企业专场招聘会',
    '组织企业参加线上线下专场招聘。',
    '在牟平区依法注册的企业。',
    ['营业执照', '岗位需求表'],
  ],
  [
    'TAL-002',
    'talent',
    'RSJ-MP',
    '职业技能培训补贴',
    '企业组织职工培训取得证书后申领补贴。',
    '培训人员在本企业参保。',
    ['培训花名册', '证书复印件', '参保证明'],
  ],
  [
    'TAL-003',
    'talent',
    'RSJ-MP',
    '高层次人才引进服务',
    '人才引进政策咨询、安居补贴和子女入学协调。',
    '引进人才符合全区人才目录。',
    ['人才简历', '劳动合同'],
  ],
  [
    'TAL-004',
    'talent',
    'YTU-TT',
    '研究生联合培养与实习基地',
    '与烟台大学共建研究生联合培养基地。',
    '具备研发场所和导师条件。',
    ['企业研发情况说明'],
  ],
  ['TAL-005', 'talent', 'RSJ-MP', '企业用工指导', '劳动用工政策和稳岗返还咨询。', '', []],
  [
    'SUP-001',
    'supply_demand',
    'SME-MP',
    '产业链供需对接',
    '组织链主企业与配套企业对接。',
    '有明确采购或供货需求。',
    ['供需需求说明'],
  ],
  ['SUP-002', 'supply_demand', 'SME-MP', '展会推介', '组织企业参加区内外展会并给予展位补贴。', '', ['参展申请表']],
  ['SUP-003', 'supply_demand', 'SME-MP', '政府采购对接', '中小企业参与政府采购的政策辅导与对接。', '', ['营业执照']],
  ['SUP-004', 'supply_demand', 'SME-MP', '企业管理咨询诊断', '专家上门开展管理诊断。', '', ['企业基本情况表']],
  [
    'SUP-005',
    'supply_demand',
    'SME-MP',
    '数字化转型诊断',
    '中小企业数字化转型免费诊断。',
    '制造业企业优先。',
    ['企业信息化现状'],
  ],
  [
    'LEG-001',
    'legal',
    'LAW-KY',
    '合同审查',
    '公益律师审查企业合同并提出修改意见。',
    '每家企业每年5份以内免费。',
    ['合同文本'],
  ],
  ['LEG-002', 'legal', 'LAW-KY', '劳动用工合规体检', '规章制度、劳动合同合规审查。', '', ['规章制度', '劳动合同范本']],
  ['LEG-003', 'legal', 'LAW-KY', '知识产权保护咨询', '商标、专利侵权风险咨询和维权指导。', '', ['权属证明']],
  [
    'LEG-004',
    'legal',
    'LAW-KY',
    '商事纠纷调解',
    '律师参与的商事纠纷诉前调解。',
    '双方同意调解。',
    ['纠纷说明', '证据材料'],
  ],
  ['LEG-005', 'legal', 'LAW-KY', '企业法律顾问（公益）', '一年期公益法律顾问服务。', '小微企业。', ['营业执照']],
  [
    'TEC-001',
    'technology',
    'KJJ-MP',
    '高新技术企业认定辅导',
    '高企认定政策解读与申报材料辅导。',
    '成立满一年，拥有核心知识产权。',
    ['知识产权清单', '研发费用明细'],
  ],
  [
    'TEC-002',
    'technology',
    'KJJ-MP',
    '科技型中小企业评价入库',
    '科技型中小企业评价信息填报辅导。',
    '职工总数不超过500人。',
    ['研发费用明细'],
  ],
  ['TEC-003', 'technology', 'YTU-TT', '技术难题攻关对接', '对接烟台大学专家团队解决技术难题。', '', ['技术需求说明']],
  ['TEC-004', 'technology', 'YTU-TT', '科技成果转化', '高校科技成果转让、许可与作价入股对接。', '', ['合作意向说明']],
  ['TEC-005', 'technology', 'KJJ-MP', '科技项目申报辅导', '省市科技计划项目申报辅导。', '', ['项目建议书']],
]

export interface EnterpriseSeedReport {
  enterprises: number
  providers: number
  services: number
  requests: number
  listings: number
}

/** Provider org units, providers, services and enterprises (reference data; before the demo accounts). */
export async function seedEnterpriseReference(
  platform: Platform,
  service: EnterpriseService,
  opts: { demo: boolean } = { demo: true },
  actor: Actor = SYSTEM_ACTOR,
) {
  const { db } = platform
  const exists = await db.query('select 1 from core_doc_series where key = $1', [REQUEST_SERIES.key])
  if (!exists.rowCount) await ensureDocSeries(db.pool, REQUEST_SERIES)
  await db.tx(async (tx) => {
    await service.ensureDefinitions(tx, actor)
    for (const u of PROVIDER_UNITS)
      await service.ensureProviderUnit(tx, { ...u, divisionCode: platform.config.district.code })
    for (const p of PROVIDERS) {
      const orgUnitId = await repo.orgUnitIdByCode(tx, p.unit)
      await repo.insertProvider(tx, {
        code: p.code,
        name: p.name,
        kind: p.kind,
        description: p.description,
        orgUnitId,
      })
    }
    for (const [i, [code, module, provider, name, description, requirements, materials]] of SERVICES.entries()) {
      const prov = await repo.providerByCode(tx, provider)
      await repo.insertService(tx, {
        code,
        module,
        name,
        description,
        requirements,
        materials: materials.map((m, j) => ({ name: m, required: j === 0 })),
        providerId: prov!.id,
        sort: i,
      })
    }
    if (!opts.demo) return
    await repo.bulkInsertCompanies(
      tx,
      FIXED.map((f) => {
        const base = { ...f, tags: [...f.tags], status: 'active' as const }
        return { ...base, scale: classifyScale(base) }
      }),
    )
  })
  if (opts.demo) await service.insertSyntheticEnterprises(DEMO_ENTERPRISES, DEMO_SEED)
  return { providers: PROVIDERS.length, services: SERVICES.length }
}

const LISTINGS: [
  kind: 'need' | 'offer',
  category: 'product' | 'service',
  industry: string,
  title: string,
  description: string,
  qty: string,
][] = [
  [
    'need',
    'product',
    'C2927',
    '采购食品级塑料包装瓶',
    '长期采购食品级PET塑料包装瓶，用于海产品调味汁灌装，要求通过食品接触材料检测。',
    '每月20万只',
  ],
  [
    'offer',
    'product',
    'C2927',
    '供应食品级PET塑料瓶及瓶盖',
    '本公司生产食品级PET塑料瓶和瓶盖，可按需定制规格，具备食品接触材料检测报告。',
    '月产能100万只',
  ],
  ['need', 'service', 'G5920', '寻找冷链仓储合作', '海产品出口需要低温冷库仓储及冷链运输服务，温度零下18度。', '500吨'],
  [
    'offer',
    'service',
    'G5920',
    '冷链物流仓储服务',
    '提供零下18度至零下25度冷库仓储和冷链运输配送，覆盖烟台全市。',
    '冷库容量3000吨',
  ],
  ['need', 'service', 'I6510', '寻求生产管理软件开发', '医药制造企业需要定制生产质量管理软件，符合GMP要求。', '1套'],
  ['offer', 'service', 'I6510', '工业软件定制开发', '为制造业企业提供MES生产管理、质量追溯软件开发与实施。', ''],
  ['need', 'product', 'C3442', '采购不锈钢输送泵', '食品加工生产线需要不锈钢卫生级输送泵。', '12台'],
  ['offer', 'product', 'C3442', '卫生级不锈钢泵阀', '生产卫生级不锈钢离心泵、转子泵和阀门，适用于食品和医药行业。', ''],
  ['need', 'service', 'M7340', '生物医药检测合作', '寻找具备CMA资质的检测机构开展原料药杂质检测。', ''],
  ['offer', 'service', 'M7340', '药物分析检测服务', '提供原料药、中间体杂质研究与分析检测服务。', ''],
  ['need', 'product', 'A0151', '采购优质苹果原料', '果汁加工采购烟台红富士苹果原料，要求农残检测合格。', '300吨'],
  ['offer', 'product', 'A0151', '供应牟平红富士苹果', '合作社直供红富士苹果，可提供农残检测报告。', '500吨'],
]

/** Demo memberships, requests in every state and board posts (after the demo accounts). */
export async function seedEnterpriseDemo(
  platform: Platform,
  service: EnterpriseService,
  opts: { demo: boolean } = { demo: true },
): Promise<EnterpriseSeedReport> {
  const { db } = platform
  if (!opts.demo)
    return { enterprises: 0, providers: PROVIDERS.length, services: SERVICES.length, requests: 0, listings: 0 }
  // Demo enterprise accounts (created by the seed with their USCC) get a verified membership.
  const users = await db.query<{ id: string; enterprise_uscc: string }>(
    `select id, enterprise_uscc from core_user where kind = 'enterprise' and enterprise_uscc is not null
     and username in ('enterprise', 'enterprise2')`,
  )
  await db.tx(async (tx) => {
    for (const u of users.rows) {
      const has = await repo.memberOfUser(tx, u.id)
      if (has || !(await repo.findCompany(tx, u.enterprise_uscc))) continue
      await repo.insertMember(tx, {
        userId: u.id,
        uscc: u.enterprise_uscc,
        contactName: '企业经办人',
        mobile: null,
        status: 'verified',
      })
    }
  })

  const already = Number((await db.query('select count(*) from enterprise_service_request')).rows[0]?.count)
  if (already === 0) await seedRequests(platform, service, users.rows)
  const listings = Number((await db.query('select count(*) from enterprise_listing')).rows[0]?.count)
  if (listings === 0) await seedListings(platform)
  const counts = (
    await db.query<{ e: number; p: number; s: number; r: number; l: number }>(
      `select (select count(*)::int from enterprise_company) e, (select count(*)::int from enterprise_provider) p,
         (select count(*)::int from enterprise_service) s, (select count(*)::int from enterprise_service_request) r,
         (select count(*)::int from enterprise_listing) l`,
    )
  ).rows[0]!
  return { enterprises: counts.e, providers: counts.p, services: counts.s, requests: counts.r, listings: counts.l }
}

async function seedRequests(
  platform: Platform,
  service: EnterpriseService,
  users: { id: string; enterprise_uscc: string }[],
) {
  const { db } = platform
  const r = rng(DEMO_SEED)
  const services = (await service.services({ page: 1, pageSize: 200 })).items
  const companies = (
    await db.query(`select uscc, name from enterprise_company where status = 'active' order by uscc limit 120`)
  ).rows as { uscc: string; name: string }[]
  const userOf = new Map(users.map((u) => [u.enterprise_uscc, u.id]))
  const units = new Map<string, string>()
  for (const p of (await service.providers()).items) if (p.orgUnitId) units.set(p.id, p.orgUnitId)
  const engineFor = (unitId: string): EngineActor => ({
    kind: 'user',
    userId: null,
    roles: ['service_provider'],
    departmentIds: [unitId],
    scopes: [platform.config.district.code],
  })
  const now = Date.now()
  const plan: ('completed' | 'rated' | 'handling' | 'submitted' | 'declined' | 'withdrawn')[] = [
    ...Array(18).fill('rated'),
    ...Array(14).fill('completed'),
    ...Array(6).fill('handling'),
    ...Array(6).fill('submitted'),
    ...Array(3).fill('declined'),
    ...Array(2).fill('withdrawn'),
  ]
  const demo = [...userOf.keys()]
  for (const [i, target] of plan.entries()) {
    // The demo enterprises get a few requests of their own in different states.
    // (A withdrawal needs the applicant's account, so those go to the demo enterprises too.)
    const own = (i % 7 === 0 || target === 'withdrawn') && demo.length > 0
    const uscc = own ? demo[i % demo.length]! : companies[i % companies.length]!.uscc
    if (target === 'withdrawn' && !own) continue
    const s = services[Math.floor(r() * services.length)]!
    const applicant = userOf.get(uscc) ?? null
    const submittedAt = new Date(now - (5 + Math.floor(r() * 170)) * 86_400_000)
    const unitId = units.get(s.providerId)!
    const actor: Actor = { kind: 'system', id: null, username: 'seed' }
    await db.tx(async (tx) => {
      const id = await service.submitCore(
        tx,
        actor,
        {
          serviceId: s.id,
          uscc,
          applicantUserId: applicant,
          contactName: '企业经办人',
          contactMobile: `1390535${String(2000 + i).padStart(4, '0')}`,
          description: `申请“${s.name}”，请联系我公司经办人对接具体事项。`,
          attachments: [],
        },
        submittedAt,
      )
      const row = (await repo.findRequest(tx, id))!
      const later = (days: number) => new Date(submittedAt.getTime() + days * 86_400_000)
      if (target === 'submitted') return
      if (target === 'withdrawn') {
        await service.actCore(
          tx,
          { kind: 'user', userId: applicant, roles: [], departmentIds: [], scopes: [] },
          actor,
          row,
          'withdraw',
          {},
          later(1),
        )
        return
      }
      if (target === 'declined') {
        await service.actCore(
          tx,
          engineFor(unitId),
          actor,
          row,
          'decline',
          { comment: '经核实不符合该服务的申请条件，建议先咨询相关政策。' },
          later(1),
        )
        return
      }
      await service.actCore(
        tx,
        engineFor(unitId),
        actor,
        row,
        'accept',
        { comment: '已受理，将安排专人对接。' },
        later(1),
      )
      if (target === 'handling') return
      await service.actCore(
        tx,
        engineFor(unitId),
        actor,
        row,
        'complete',
        { comment: `已完成“${s.name}”服务，企业确认。` },
        later(3 + Math.floor(r() * 10)),
      )
      if (target === 'rated') await repo.setRequestRating(tx, id, r() < 0.85 ? 5 : 4)
    })
  }
}

async function seedListings(platform: Platform) {
  const { db } = platform
  const companies = (
    await db.query(
      `select uscc, industry_code, division_code from enterprise_company where status = 'active' order by uscc offset 40 limit 40`,
    )
  ).rows as { uscc: string; industry_code: string; division_code: string }[]
  const valid = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10)
  await db.tx(async (tx) => {
    for (const [i, [kind, category, industry, title, description, qty]] of LISTINGS.entries()) {
      // The first need belongs to the second demo enterprise (a food company), the rest to synthetic ones.
      const uscc = i === 0 ? DEMO_USCC_2 : companies[i % companies.length]!.uscc
      const company = i === 0 ? null : companies[i % companies.length]!
      await repo.insertListing(tx, {
        uscc,
        kind,
        category,
        title,
        description,
        industryCode: industry,
        quantity: qty || null,
        regionCode: company?.division_code ?? platform.config.district.code,
        validUntil: valid,
        tokens: searchTokens(`${title} ${description}`),
        createdBy: null,
      })
    }
  })
}

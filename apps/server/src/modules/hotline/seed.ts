import { type Actor, SYSTEM_ACTOR } from '../../platform/audit.ts'
import type { Platform } from '../../platform/platform.ts'
import { KB_ARTICLES } from './data/kb-articles.ts'
import { CATEGORY_TREE, type CategorySeed, ROUTING_RULES } from './data/reference.ts'
import { hotlineRepo as repo } from './repo.ts'
import type { HotlineActor, HotlineService } from './service.ts'

/** Loads the demo category tree, routing rules and knowledge base (idempotent); in demo mode a few live orders. */
export async function seedHotline(
  platform: Pick<Platform, 'db'>,
  service: HotlineService,
  opts: { demo: boolean },
): Promise<{ categories: number; rules: number; articles: number; orders: number }> {
  const { db } = platform
  const ids = new Map<string, string>()
  for (const c of await repo.categories(db.pool)) ids.set(c.code, c.id)
  let categories = 0
  const walk = async (
    nodes: CategorySeed[],
    parentId: string | null,
    tx: Parameters<typeof service.seedApi.createCategory>[0],
  ) => {
    for (const [i, [code, name, children, guidance]] of nodes.entries()) {
      if (!ids.has(code)) {
        const c = await service.seedApi.createCategory(tx, SYSTEM_ACTOR, {
          parentId,
          code,
          name,
          guidance: guidance ?? null,
          sort: i,
        })
        ids.set(code, c.id)
        categories++
      }
      await walk(children ?? [], ids.get(code)!, tx)
    }
  }
  await db.tx((tx) => walk(CATEGORY_TREE, null, tx))

  const existing = new Set((await repo.rules(db.pool)).map((r) => `${r.categoryId}|${r.divisionPrefix}`))
  let rules = 0
  await db.tx(async (tx) => {
    for (const [code, prefix, unit, co] of ROUTING_RULES) {
      const categoryId = code ? ids.get(code)! : null
      if (existing.has(`${categoryId}|${prefix}`)) continue
      const unitId = await repo.unitIdByCode(tx, unit)
      if (!unitId) continue
      const coUnitIds = (await Promise.all(co.map((c) => repo.unitIdByCode(tx, c)))).filter((x): x is string => !!x)
      await service.seedApi.createRule(tx, SYSTEM_ACTOR, { categoryId, divisionPrefix: prefix, unitId, coUnitIds })
      rules++
    }
  })

  const system: HotlineActor = {
    actor: SYSTEM_ACTOR,
    engine: { kind: 'system', userId: null, roles: [], departmentIds: [], scopes: [] },
    name: '系统',
    kind: 'centre',
    userId: null,
    scopes: ['370612'],
    departmentIds: [],
  }
  const titles = new Set(
    (await db.query<{ title: string }>('select title from hotline_kb_article')).rows.map((r) => r.title),
  )
  let articles = 0
  for (const a of KB_ARTICLES) {
    if (titles.has(a.title)) continue
    await service.seedApi.saveArticle(system, null, {
      title: a.title,
      content: a.content,
      keywords: a.keywords,
      categoryId: ids.get(a.category) ?? null,
      active: true,
    })
    articles++
  }

  let orders = 0
  if (opts.demo && !(await db.query('select 1 from hotline_order limit 1')).rowCount)
    orders = await seedDemoOrders(db, service, ids)
  return { categories, rules, articles, orders }
}

/** A handful of live orders in various states, created through the service (so each has its workflow). */
async function seedDemoOrders(db: Pick<Platform, 'db'>['db'], service: HotlineService, cat: Map<string, string>) {
  const user = async (username: string) =>
    (await db.query<{ id: string }>('select id from core_user where username = $1', [username])).rows[0]?.id ?? null
  const unit = async (code: string) => (await repo.unitIdByCode(db.pool, code))!
  const operatorId = await user('operator')
  const actorOf = (username: string, id: string | null): Actor =>
    id ? { kind: 'user', id, accountKind: 'staff', username } : SYSTEM_ACTOR
  const centre: HotlineActor = {
    actor: actorOf('operator', operatorId),
    engine: {
      kind: 'user',
      userId: operatorId,
      roles: ['hotline_operator'],
      departmentIds: [await unit('MP-RXB')],
      scopes: ['370612'],
    },
    name: '12345话务员 陈静',
    kind: 'centre',
    userId: operatorId,
    scopes: ['370612'],
    departmentIds: [await unit('MP-RXB')],
  }
  const unitActor = async (code: string, username: string, name: string): Promise<HotlineActor> => {
    const id = await user(username)
    const dep = await unit(code)
    return {
      actor: actorOf(username, id),
      engine: { kind: 'user', userId: id, roles: ['handling_unit'], departmentIds: [dep], scopes: ['370612'] },
      name,
      kind: 'unit',
      userId: id,
      scopes: ['370612'],
      departmentIds: [dep],
    }
  }
  const scj = await unitActor('MP-SCJ', 'unit', '市场监管局承办人 孙磊')
  const hbj = await unitActor('MP-HBJ', 'hbj', '生态环境分局承办人')

  const base = {
    confidential: false,
    urgency: 'normal' as const,
    attachments: [],
    channel: 'phone' as const,
  }
  const take = (input: Omit<Parameters<HotlineService['intake']>[1], 'channel'>) =>
    service.intake(centre, { ...base, ...input })

  // 1. 暖气不热 in 文化街道 → dispatched to the street office, waiting for 签收.
  const heat = await take({
    callerName: '刘桂芳',
    callerPhone: '13953581234',
    requestType: 'help',
    categoryId: cat.get('010101')!,
    divisionCode: '370612002',
    address: '牟平区文化街道正阳路32号小区5号楼2单元301',
    description: '家里暖气一直不热，室温只有14度左右，已经找过物业两次没有解决，家里有老人，希望尽快处理。',
  })
  await service.dispatch(centre, heat.id, { unitId: await unit('MP-T002'), coUnitIds: [await unit('MP-RLG')] })

  // 2. 食品安全 → 市场监管局, acknowledged and being handled.
  const food = await take({
    callerName: '王建国',
    callerPhone: '0535-4232102',
    requestType: 'complaint',
    categoryId: cat.get('020101')!,
    divisionCode: '370612001',
    address: '牟平区宁海街道通海路某快餐店',
    description: '在通海路一家快餐店吃饭后全家腹泻，店内后厨卫生很差，要求市场监管部门检查处理。',
  })
  await service.dispatch(centre, food.id, { unitId: await unit('MP-SCJ') })
  await service.acknowledge(scj, food.id)

  // 3. 工资拖欠 waiting for dispatch (confidential caller).
  await take({
    callerName: '张立新',
    callerPhone: '15054521876',
    confidential: true,
    requestType: 'complaint',
    categoryId: cat.get('030101')!,
    divisionCode: '370612106',
    address: '牟平区玉林店镇某建筑工地',
    description: '在玉林店镇一处建筑工地干活三个月，包工头拖欠工资两万三千元至今未付，工友共有十二人被欠薪。',
  })

  // 4. 医保报销 answered on the spot from the knowledge base (直办).
  const med = await take({
    callerName: '孙秀英',
    callerPhone: '13792578866',
    requestType: 'consult',
    categoryId: cat.get('0401')!,
    divisionCode: '370612004',
    address: '牟平区武宁街道',
    description: '咨询住院费用医保报销需要带哪些材料，去哪里办理。',
  })
  const kb = (await db.query<{ id: string }>(`select id from hotline_kb_article where title = '医保报销需要哪些材料'`))
    .rows[0]
  await service.directAnswer(centre, med.id, {
    answer:
      '已按知识库答复：定点医院住院直接联网结算；手工报销携带身份证、发票原件、费用清单、出院记录到区医保局或镇街便民服务中心办理。',
    kbArticleId: kb?.id ?? null,
  })

  // 5. 施工噪音 → 生态环境分局, replied, accepted, followed up satisfied: closed.
  const noise = await take({
    callerName: '赵明',
    callerPhone: '18660512345',
    requestType: 'complaint',
    categoryId: cat.get('060101')!,
    divisionCode: '370612002',
    address: '牟平区文化街道金埠大街与正阳路交叉口工地',
    description: '金埠大街工地连续多天晚上11点以后还在施工，噪音很大影响休息。',
  })
  await service.dispatch(centre, noise.id, { unitId: await unit('MP-HBJ'), coUnitIds: [await unit('MP-CGJ')] })
  await service.acknowledge(hbj, noise.id)
  await service.reply(hbj, noise.id, {
    text: '经现场核查，该工地夜间混凝土浇筑未办理夜间施工许可，已责令停止夜间施工并立案调查，已电话告知来电人处理结果。',
    contactMethod: 'phone',
    contactedAt: new Date().toISOString(),
    attachments: [],
  })
  await service.review(centre, noise.id, { accept: true })
  await service.followUp(centre, noise.id, { result: 'satisfied', closeAnyway: false })

  // 6. 企业诉求: the demo enterprise's plant has had no water for two days (shows on its profile).
  await take({
    callerName: '王磊',
    callerPhone: '13905350011',
    requestType: 'help',
    categoryId: cat.get('0703')!,
    divisionCode: '370612106',
    address: '烟台市牟平区玉林店镇工业园路8号',
    description: '我公司厂区自前天起停水，供水公司未提前通知，生产线冷却用水中断，请协调尽快恢复供水并说明原因。',
    enterpriseUscc: '91370612MA3C12346J',
  })
  return 6
}

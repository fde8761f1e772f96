import { type Actor, SYSTEM_ACTOR } from '../../platform/audit.ts'
import type { Platform } from '../../platform/platform.ts'
import { hotlineRepo as repo } from './repo.ts'
import type { HotlineActor, HotlineService } from './service.ts'

type Node = [code: string, name: string, children?: Node[], guidance?: string]

/** A realistic 12345 subject tree (three levels), loosely after GB/T 39666 and Shandong practice. */
export const CATEGORY_TREE: Node[] = [
  [
    '01',
    '城乡建设',
    [
      [
        '0101',
        '供暖',
        [
          ['010101', '暖气不热'],
          ['010102', '供暖收费'],
          ['010103', '暖气管道漏水'],
        ],
      ],
      [
        '0102',
        '物业管理',
        [
          ['010201', '物业服务质量'],
          ['010202', '公共维修资金'],
        ],
      ],
      ['0103', '房屋质量'],
    ],
  ],
  [
    '02',
    '市场监管',
    [
      [
        '0201',
        '食品安全',
        [
          ['020101', '餐饮卫生'],
          ['020102', '过期变质食品'],
        ],
      ],
      ['0202', '价格监管'],
      ['0203', '消费维权', [['020301', '预付卡退费']]],
    ],
  ],
  [
    '03',
    '劳动社保',
    [
      ['0301', '工资拖欠', [['030101', '农民工工资']]],
      ['0302', '社会保险', [['030201', '养老保险']]],
      ['0303', '就业创业'],
    ],
  ],
  [
    '04',
    '医疗卫生',
    [
      ['0401', '医保报销', [['040101', '异地就医']]],
      ['0402', '医疗服务'],
      ['0403', '疫苗接种'],
    ],
  ],
  [
    '05',
    '交通运输',
    [
      [
        '0501',
        '公交',
        [
          ['050101', '公交线路'],
          ['050102', '公交服务'],
        ],
      ],
      ['0502', '道路客运'],
      ['0503', '出租车'],
    ],
  ],
  [
    '06',
    '环境保护',
    [
      [
        '0601',
        '噪音扰民',
        [
          ['060101', '施工噪音'],
          ['060102', '社会生活噪音'],
        ],
      ],
      ['0602', '大气污染'],
      ['0603', '水污染'],
    ],
  ],
  [
    '07',
    '市政设施',
    [
      ['0701', '路灯'],
      ['0702', '道路破损'],
      ['0703', '供水', [['070301', '停水']]],
      ['0704', '燃气'],
    ],
  ],
  [
    '08',
    '教育',
    [
      ['0801', '入学咨询'],
      ['0802', '校外培训'],
    ],
  ],
  [
    '09',
    '非受理事项',
    [
      [
        '0901',
        '涉诉涉法',
        [],
        '已进入或应当通过诉讼、仲裁、纪检监察、行政复议、政府信息公开等法定途径解决的事项，不属于12345热线受理范围。请告知来电人依法向人民法院、仲裁机构或有关机关提出；紧急求助请拨打110、119、120、122。',
      ],
      [
        '0902',
        '信访事项',
        [],
        '已进入信访渠道的事项，请告知来电人向牟平区信访局（牟平区政府大院）咨询办理进度，12345不重复受理。',
      ],
    ],
    '不属于12345受理范围的诉求，请按非受理范围指引告知来电人办理途径。',
  ],
]

/** Routing rules: [category code or null, division prefix, main unit code, co-unit codes]. */
export const ROUTING_RULES: [string | null, string, string, string[]][] = [
  ['0101', '370612', 'MP-RLG', ['MP-ZJJ']],
  ['0101', '370612002', 'MP-T002', ['MP-RLG']],
  ['0102', '370612', 'MP-ZJJ', []],
  ['0103', '370612', 'MP-ZJJ', []],
  ['02', '370612', 'MP-SCJ', []],
  ['0201', '370612', 'MP-SCJ', []],
  ['03', '370612', 'MP-RSJ', []],
  ['04', '370612', 'MP-WJJ', []],
  ['0401', '370612', 'MP-YBJ', []],
  ['05', '370612', 'MP-JTJ', []],
  ['06', '370612', 'MP-HBJ', []],
  ['060102', '370612', 'MP-GAJ', []],
  ['07', '370612', 'MP-CGJ', []],
  ['070301', '370612', 'MP-GSG', []],
  ['0704', '370612', 'MP-RQG', []],
  ['08', '370612', 'MP-JYJ', []],
  // 属地: a town's matters without a more specific rule go to its office.
  [null, '370612002', 'MP-T002', []],
  [null, '370612106', 'MP-T106', []],
  [null, '370612001', 'MP-T001', []],
]

/** Knowledge-base answers the operators read out (直办). */
export const KB_ARTICLES: { category: string; title: string; keywords: string[]; content: string }[] = [
  {
    category: '010101',
    title: '暖气不热怎么办',
    keywords: ['暖气不热', '室温不达标', '供暖'],
    content:
      '供暖期内居民室内温度应不低于18℃。暖气不热时，请先检查家中阀门是否全部打开、暖气片是否需要排气；仍不热的，可拨打牟平区热力有限公司24小时服务电话0535-4212345报修，热力公司将在24小时内上门测温。测温不达标的，可按规定申请退还相应供暖费。',
  },
  {
    category: '010102',
    title: '供暖费收费标准和缴费方式',
    keywords: ['供暖费', '取暖费', '缴费'],
    content:
      '牟平城区居民供暖费按建筑面积每平方米每供暖季23元收取，供暖期为每年11月15日至次年3月31日。可通过热力公司营业厅、微信公众号或银行代收网点缴纳。低保户、特困供养人员可持相关证明申请减免。',
  },
  {
    category: '0401',
    title: '医保报销需要哪些材料',
    keywords: ['医保报销', '报销材料', '医疗保险'],
    content:
      '在定点医疗机构住院的，出院时直接联网结算，无需个人垫付后报销。确需手工报销的，请携带身份证或社保卡、医疗费用发票原件、费用明细清单、出院记录和诊断证明，到牟平区医疗保障局服务大厅或镇街便民服务中心办理，一般20个工作日内到账。',
  },
  {
    category: '040101',
    title: '异地就医备案流程',
    keywords: ['异地就医', '备案', '医保'],
    content:
      '参保人可通过国家医保服务平台App、山东医保小程序或到区医保局窗口办理异地就医备案。备案后在就医地定点医疗机构可直接结算。临时外出就医备案有效期6个月，异地长期居住备案需提供居住证明或个人承诺书。',
  },
  {
    category: '0301',
    title: '被拖欠工资如何维权',
    keywords: ['拖欠工资', '欠薪', '讨薪', '农民工工资'],
    content:
      '被拖欠工资的，可向牟平区人力资源和社会保障局劳动保障监察大队投诉，需提供身份证、劳动合同或工资条、考勤记录等能证明劳动关系和欠薪事实的材料。属于工程建设领域农民工工资的，可直接拨打12345，由人社部门督促施工总承包单位先行清偿。',
  },
  {
    category: '0201',
    title: '食品安全问题怎么投诉',
    keywords: ['食品安全', '餐饮', '变质', '吃坏肚子'],
    content:
      '发现餐饮单位卫生条件差、销售过期变质食品等问题，请保留购物小票、食品实物和照片，拨打12345或12315投诉举报，由牟平区市场监督管理局核查处理。造成身体不适的，请及时就医并保留病历。',
  },
  {
    category: '020301',
    title: '预付卡退费纠纷',
    keywords: ['预付卡', '办卡', '退费', '健身卡', '理发店'],
    content:
      '商家停业、跑路或拒不履行约定的，消费者可凭预付卡、合同和付款凭证向市场监管部门投诉，也可向人民法院提起诉讼。办理预付卡前请查看商家是否在商务部门备案，单张卡金额不宜过大。',
  },
  {
    category: '050101',
    title: '公交线路和首末班时间查询',
    keywords: ['公交', '线路', '末班车', '公交车'],
    content:
      '牟平区公交线路、首末班时间可通过“烟台公交”微信公众号或车载电子站牌查询。对线路调整有意见建议的，12345受理后转交牟平区交通运输局研究答复。',
  },
  {
    category: '060101',
    title: '夜间施工噪音扰民',
    keywords: ['施工噪音', '夜间施工', '噪音扰民'],
    content:
      '除抢修、抢险作业和经批准的连续作业外，22时至次日6时禁止在噪声敏感建筑物集中区域进行产生噪声的建筑施工作业。反映夜间施工噪音的，请说明工地具体位置和施工时间，12345转生态环境部门和城管部门现场核查。',
  },
  {
    category: '060102',
    title: '邻居装修、广场舞等生活噪音',
    keywords: ['生活噪音', '广场舞', '装修噪音', '邻居吵'],
    content:
      '社会生活噪音可先与对方沟通或请物业、社区协调；协调不成的，可拨打110由公安机关依法处理。装修施工应避开中午12时至14时和晚20时至次日8时。',
  },
  {
    category: '0701',
    title: '路灯不亮报修',
    keywords: ['路灯', '不亮', '报修', '照明'],
    content:
      '城区主次干道路灯由牟平区城市管理局负责维护，请说明路灯所在道路和附近标志物（或路灯杆编号），一般在2个工作日内修复。小区内路灯由物业负责维修。',
  },
  {
    category: '070301',
    title: '停水原因和恢复供水时间',
    keywords: ['停水', '没水', '水压低', '供水'],
    content:
      '计划停水会提前24小时在小区公告栏和自来水公司微信公众号发布。突发停水可拨打自来水公司24小时热线0535-4218888询问抢修进度；停水超过24小时的，自来水公司应组织临时送水。',
  },
  {
    category: '0704',
    title: '闻到燃气味怎么办',
    keywords: ['燃气泄漏', '煤气味', '燃气'],
    content:
      '闻到燃气味请立即关闭燃气总阀，打开门窗通风，不要开关电器、不要使用明火和手机，到室外安全地点拨打燃气公司24小时抢修电话0535-4210119或119。',
  },
  {
    category: '0801',
    title: '小学一年级入学报名条件',
    keywords: ['入学', '小学报名', '学区'],
    content:
      '适龄儿童（当年8月31日前年满6周岁）凭户口簿、房产证明或租赁备案证明，在每年6月的报名时间内通过“牟平区义务教育招生平台”报名。随迁子女还需提供父母一方的居住证和社保缴纳证明。',
  },
  {
    category: '030201',
    title: '灵活就业人员养老保险缴费',
    keywords: ['养老保险', '灵活就业', '社保缴费'],
    content:
      '灵活就业人员可通过“爱山东”App、山东税务社保缴费小程序或区社保中心窗口办理参保登记和缴费，缴费基数在全省上年度平均工资的60%至300%之间自选，按月或按年缴纳。',
  },
  {
    category: '010202',
    title: '公共维修资金怎么使用',
    keywords: ['维修资金', '公共维修', '电梯维修'],
    content:
      '住宅专项维修资金用于共用部位、共用设施设备保修期满后的维修和更新改造，需经专有部分面积占比三分之二以上且人数占比三分之二以上的业主参与表决，并经参与表决业主双过半同意后，向牟平区住房和城乡建设局申请使用。',
  },
]

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
    nodes: Node[],
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

/** Demo data: the two fixed demo enterprises (of the demo accounts) and supply-demand board posts. */

/** The demo enterprise account's company (seed account `enterprise`). */
export const DEMO_USCC = '91370612MA3C12346J'
/** The second demo enterprise (seed account `enterprise2`), for isolation tests. */
export const DEMO_USCC_2 = '91370612MA3D8K5W6A'

export const FIXED = [
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

export const LISTINGS: [
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

/**
 * Realistic synthetic Muping enterprises, deterministic per seed: the demo seed (~300) and the policy benchmark
 * (100,000) use it. Industries follow Muping's mix (food and seafood processing, wine, life science in the 生命科学城,
 * machinery, construction, trade, logistics, software); sizes are log-normal per industry, revenue follows head
 * count, tags follow size, industry and R&D intensity. USCCs are valid (GB 32100 and GB 11714 check characters).
 */
import { ageYears, classifyScale, rng, syntheticUscc } from './domain.ts'
import type { CompanyInput } from './repo.ts'

interface IndustryProfile {
  codes: string[]
  words: string[]
  weight: number
  /** Typical head count (median) and revenue per head (万元). */
  staff: number
  revPerHead: number
  /** R&D intensity range (share of revenue). */
  rnd: [number, number]
  assets?: boolean
}

const PROFILES: IndustryProfile[] = [
  {
    codes: ['C1362', 'C1361', 'C1371'],
    words: ['水产食品', '海产品加工', '果蔬加工'],
    weight: 7,
    staff: 60,
    revPerHead: 80,
    rnd: [0, 0.02],
  },
  {
    codes: ['C1491', 'C1419', 'C14'],
    words: ['食品', '调味品', '烘焙食品'],
    weight: 5,
    staff: 45,
    revPerHead: 60,
    rnd: [0, 0.02],
  },
  { codes: ['C1515', 'C1512'], words: ['葡萄酒业', '酿酒'], weight: 3, staff: 40, revPerHead: 70, rnd: [0, 0.02] },
  {
    codes: ['C2710', 'C2740', 'C2761', 'C27'],
    words: ['生物科技', '制药', '生物医药'],
    weight: 6,
    staff: 80,
    revPerHead: 90,
    rnd: [0.03, 0.12],
  },
  { codes: ['C2669', 'C26'], words: ['化工', '新材料'], weight: 3, staff: 50, revPerHead: 110, rnd: [0.01, 0.05] },
  {
    codes: ['C2927', 'C29'],
    words: ['塑胶制品', '橡塑科技'],
    weight: 3,
    staff: 40,
    revPerHead: 60,
    rnd: [0.005, 0.03],
  },
  { codes: ['C3021', 'C30'], words: ['建材', '新型建材'], weight: 3, staff: 35, revPerHead: 70, rnd: [0, 0.02] },
  {
    codes: ['C3311', 'C33'],
    words: ['金属制品', '精密五金'],
    weight: 4,
    staff: 45,
    revPerHead: 55,
    rnd: [0.005, 0.03],
  },
  { codes: ['C3442', 'C34'], words: ['机械', '通用设备'], weight: 5, staff: 70, revPerHead: 60, rnd: [0.02, 0.06] },
  { codes: ['C3599', 'C35'], words: ['机械设备', '智能装备'], weight: 4, staff: 60, revPerHead: 60, rnd: [0.02, 0.08] },
  {
    codes: ['C3670', 'C36'],
    words: ['汽车零部件', '汽车配件'],
    weight: 3,
    staff: 120,
    revPerHead: 75,
    rnd: [0.02, 0.05],
  },
  { codes: ['C3831', 'C38'], words: ['电气', '电器'], weight: 3, staff: 60, revPerHead: 65, rnd: [0.02, 0.06] },
  { codes: ['C3982', 'C39'], words: ['电子科技', '电子'], weight: 3, staff: 70, revPerHead: 70, rnd: [0.03, 0.1] },
  { codes: ['C4014', 'C40'], words: ['仪器仪表', '检测设备'], weight: 1, staff: 40, revPerHead: 55, rnd: [0.04, 0.12] },
  {
    codes: ['E4710', 'E48'],
    words: ['建筑工程', '建设工程'],
    weight: 6,
    staff: 50,
    revPerHead: 90,
    rnd: [0, 0.01],
    assets: true,
  },
  {
    codes: ['E5011', 'E50'],
    words: ['装饰工程', '装饰设计'],
    weight: 3,
    staff: 15,
    revPerHead: 40,
    rnd: [0, 0.005],
    assets: true,
  },
  { codes: ['F5121', 'F5171', 'F51'], words: ['商贸', '贸易'], weight: 9, staff: 8, revPerHead: 150, rnd: [0, 0] },
  { codes: ['F5211', 'F5212', 'F52'], words: ['超市', '商贸连锁'], weight: 6, staff: 12, revPerHead: 45, rnd: [0, 0] },
  { codes: ['G5430', 'G58'], words: ['物流', '运输'], weight: 4, staff: 25, revPerHead: 40, rnd: [0, 0.005] },
  { codes: ['G5920', 'G5930'], words: ['仓储', '冷链物流'], weight: 2, staff: 20, revPerHead: 35, rnd: [0, 0.005] },
  { codes: ['H6110', 'H61'], words: ['酒店', '温泉度假'], weight: 2, staff: 30, revPerHead: 15, rnd: [0, 0] },
  { codes: ['H6210', 'H62'], words: ['餐饮管理', '餐饮'], weight: 4, staff: 15, revPerHead: 12, rnd: [0, 0] },
  {
    codes: ['I6510', 'I6520', 'I65'],
    words: ['信息技术', '软件', '网络科技'],
    weight: 5,
    staff: 20,
    revPerHead: 35,
    rnd: [0.05, 0.2],
  },
  { codes: ['A0151', 'A01'], words: ['农业科技', '果业'], weight: 4, staff: 15, revPerHead: 20, rnd: [0, 0.02] },
  { codes: ['A0411', 'A04'], words: ['海洋牧场', '水产养殖'], weight: 3, staff: 20, revPerHead: 30, rnd: [0, 0.02] },
  {
    codes: ['M7340', 'M73'],
    words: ['生物技术研究院', '研究院'],
    weight: 1,
    staff: 25,
    revPerHead: 25,
    rnd: [0.15, 0.4],
  },
  { codes: ['M7520', 'M75'], words: ['科技服务', '技术服务'], weight: 2, staff: 10, revPerHead: 25, rnd: [0.05, 0.2] },
  {
    codes: ['L7212', 'L72'],
    words: ['企业管理咨询', '商务服务'],
    weight: 3,
    staff: 8,
    revPerHead: 25,
    rnd: [0, 0.01],
    assets: true,
  },
  { codes: ['K7010'], words: ['置业', '房地产开发'], weight: 2, staff: 30, revPerHead: 200, rnd: [0, 0], assets: true },
  { codes: ['K7020'], words: ['物业管理', '物业服务'], weight: 2, staff: 60, revPerHead: 8, rnd: [0, 0] },
  { codes: ['O8010', 'O80'], words: ['家政服务', '居民服务'], weight: 2, staff: 12, revPerHead: 10, rnd: [0, 0] },
]
// Calibration: most registered companies are micro or small (statistics yearbooks: ~80 % micro by count).
const STAFF_FACTOR = 0.35
const REVENUE_FACTOR = 0.6
const TOTAL_WEIGHT = PROFILES.reduce((a, p) => a + p.weight, 0)

/** Muping's towns and streets with a weight (the urban streets hold more companies). */
const TOWNS: [string, string, number][] = [
  ['370612001', '宁海街道', 20],
  ['370612002', '文化街道', 16],
  ['370612004', '武宁街道', 12],
  ['370612005', '大窑街道', 12],
  ['370612006', '姜格庄街道', 8],
  ['370612101', '观水镇', 4],
  ['370612105', '龙泉镇', 5],
  ['370612106', '玉林店镇', 5],
  ['370612107', '水道镇', 4],
  ['370612109', '高陵镇', 4],
  ['370612110', '王格庄镇', 3],
  ['370612111', '昆嵛镇', 3],
  ['370612112', '莒格庄镇', 4],
]
const TOWN_WEIGHT = TOWNS.reduce((a, t) => a + t[2], 0)
const PARKS: [string, string][] = [
  ['MP-PARK-LSC', '370612005'],
  ['MP-PARK-QS', '370612002'],
  ['MP-PARK-TW', '370612004'],
  ['MP-PARK-SME', '370612001'],
]
const ROADS = ['正阳路', '北关大街', '通海路', '金埠大街', '府前街', '文化路', '新城大街', '滨河路', '大窑路', '上海路']
const BRAND_CHARS =
  '鲁东昆嵛养马金山宁海龙泉玉林水道恒泰瑞丰鑫源正大华信蓝海汇盛隆和佳宏达永安嘉诚明德中科润信荣昌鸿运天安博远康源百川晟瀚岳益通'
const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段曲鞠滕衣栾隋'
const GIVEN = [
  '伟',
  '强',
  '磊',
  '军',
  '勇',
  '杰',
  '涛',
  '明',
  '超',
  '刚',
  '平',
  '辉',
  '静',
  '丽',
  '敏',
  '燕',
  '芳',
  '娜',
  '霞',
  '红',
  '建国',
  '海涛',
  '志强',
  '晓东',
  '玉兰',
  '春华',
  '立新',
  '德胜',
  '文博',
  '振华',
]

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!
}
function normal(r: () => number): number {
  const u = Math.max(r(), 1e-12)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r())
}
const round2 = (x: number) => Math.round(x * 100) / 100

/** The tags an enterprise plausibly holds given its figures (规上 thresholds of the statistics rules). */
function tagsOf(
  r: () => number,
  x: { industryCode: string; revenueWan: number; rndWan: number; scale: string; age: number },
): string[] {
  const s = x.industryCode[0]!
  const tags: string[] = []
  const aboveSize =
    ['B', 'C', 'D'].includes(s) || x.industryCode.startsWith('F51')
      ? x.revenueWan >= 2000
      : x.industryCode.startsWith('F52') || s === 'H'
        ? x.revenueWan >= 500
        : x.revenueWan >= 1000
  if (aboveSize) tags.push('规上企业')
  const intensity = x.revenueWan > 0 ? x.rndWan / x.revenueWan : 0
  const tech = intensity >= 0.03 && ['C', 'I', 'M'].includes(s)
  if (tech && r() < 0.3) tags.push('高新技术企业')
  if (tech && x.scale !== 'large' && r() < 0.45) tags.push('科技型中小企业')
  if (s === 'C' && (x.scale === 'medium' || x.scale === 'small') && intensity >= 0.02 && r() < 0.25) {
    tags.push('专精特新')
    if (r() < 0.15) tags.push('专精特新“小巨人”')
  }
  if (tags.includes('高新技术企业') && x.age >= 2 && x.age <= 10 && r() < 0.15) tags.push('瞪羚企业')
  if ((s === 'A' || x.industryCode.startsWith('C13')) && x.revenueWan >= 1000 && r() < 0.35)
    tags.push('农业产业化龙头企业')
  if (['C13', 'C15', 'C34', 'C36'].some((p) => x.industryCode.startsWith(p)) && r() < 0.2) tags.push('外贸出口企业')
  if (x.scale === 'large' && s === 'C' && r() < 0.3) tags.push('省级企业技术中心')
  // About 1 in 100 carries a negative credit mark (policies exclude on it).
  if (r() < 0.01) tags.push('失信被执行人')
  return tags
}

/**
 * The i-th synthetic enterprise for a seed. `index` feeds the USCC (distinct per index and seed offset); the seed
 * drives everything else.
 */
export function syntheticEnterprise(seed: number, index: number, today: string): CompanyInput {
  const r = rng((seed * 2654435761 + index * 40503) >>> 0)
  let w = r() * TOTAL_WEIGHT
  let prof = PROFILES[0]!
  for (const p of PROFILES) {
    w -= p.weight
    if (w <= 0) {
      prof = p
      break
    }
  }
  const industryCode = pick(r, prof.codes)
  const inPark = industryCode[0] === 'C' || industryCode[0] === 'M' || industryCode[0] === 'I' ? r() < 0.45 : r() < 0.08
  let divisionCode: string
  let parkCode: string | null = null
  if (inPark) {
    const [code, division] = industryCode.startsWith('C27') || industryCode[0] === 'M' ? PARKS[0]! : pick(r, PARKS)
    parkCode = code
    divisionCode = division
  } else {
    let t = r() * TOWN_WEIGHT
    divisionCode = TOWNS[0]![0]
    for (const [code, , weight] of TOWNS) {
      t -= weight
      if (t <= 0) {
        divisionCode = code
        break
      }
    }
  }
  const employees = Math.max(1, Math.round(Math.exp(Math.log(prof.staff * STAFF_FACTOR) + 1.15 * normal(r))))
  const revenueWan = round2(Math.max(1, employees * prof.revPerHead * REVENUE_FACTOR * Math.exp(0.6 * normal(r))))
  const rndWan = round2(revenueWan * (prof.rnd[0] + r() * (prof.rnd[1] - prof.rnd[0])))
  const assetsWan = prof.assets ? round2(revenueWan * (0.6 + r() * 2)) : null
  // More young companies than old ones: 1985–2025, skewed to recent years.
  const year = 2025 - Math.floor(40 * r() ** 1.8)
  const month = 1 + Math.floor(r() * 12)
  const day = 1 + Math.floor(r() * 28)
  const foundedOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  const scale = classifyScale({ industryCode, employees, revenueWan, assetsWan })
  const brand = pick(r, [...BRAND_CHARS]) + pick(r, [...BRAND_CHARS])
  const word = pick(r, prof.words)
  const prefix = r() < 0.55 ? '烟台' : r() < 0.6 ? '烟台市牟平区' : '山东'
  const form = scale === 'large' && r() < 0.5 ? '股份有限公司' : '有限公司'
  const town = TOWNS.find((t) => t[0] === divisionCode)![1]
  return {
    uscc: syntheticUscc((seed * 7919 + index * 104729) % 887503681),
    name: `${prefix}${brand}${word}${form}`,
    legalRepresentative: pick(r, [...SURNAMES]) + pick(r, GIVEN),
    divisionCode,
    parkCode,
    industryCode,
    foundedOn,
    employees,
    revenueWan,
    rndWan,
    assetsWan,
    tags: tagsOf(r, { industryCode, revenueWan, rndWan, scale, age: ageYears(foundedOn, today) }),
    scale,
    address: `山东省烟台市牟平区${town}${pick(r, ROADS)}${1 + Math.floor(r() * 899)}号`,
    status: 'active',
  }
}

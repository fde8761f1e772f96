/**
 * What the scenario's orders are made of: seasonality and volume by day and hour, the request-type and follow-up
 * mixes, the shares of urgent, extended and returned orders, and the texts (by category keywords; the category tree
 * itself is configurable data).
 */
import type { FollowupResult, RequestType } from '@ruyu/contracts/hotline'

export interface Season {
  re: RegExp
  /** Relative frequency of a leaf of this kind. */
  base: number
  /** Multiplier by month, January first. */
  months: readonly number[]
}

export const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] as const
export const SEASONS: readonly Season[] = [
  // Heating season in Yantai: mid-November to early April; the first cold weeks and January peak.
  { re: /供暖|暖气|供热|采暖/, base: 3, months: [3.2, 2.4, 1.4, 0.5, 0.1, 0.05, 0.05, 0.05, 0.1, 0.6, 3.0, 3.6] },
  { re: /供水|停水|自来水|水压|水质/, base: 1.6, months: [0.8, 0.8, 0.8, 0.9, 1.1, 1.3, 1.5, 1.5, 1.1, 0.9, 0.8, 0.9] },
  {
    re: /排水|积水|下水|污水|管网|井盖/,
    base: 1.3,
    months: [0.5, 0.5, 0.6, 0.8, 1.0, 1.4, 2.4, 2.3, 1.1, 0.7, 0.5, 0.5],
  },
  { re: /噪音|噪声|扰民/, base: 1.4, months: [0.7, 0.7, 0.8, 1.0, 1.2, 1.4, 1.5, 1.4, 1.1, 0.9, 0.8, 0.7] },
  { re: /供电|停电|电力/, base: 1.0, months: [1.1, 1.0, 0.8, 0.8, 0.9, 1.2, 1.6, 1.6, 1.0, 0.8, 0.8, 1.0] },
  { re: /燃气|天然气|煤气/, base: 0.9, months: [1.4, 1.2, 1.0, 0.8, 0.7, 0.7, 0.7, 0.7, 0.8, 1.0, 1.3, 1.5] },
  { re: /工资|欠薪|拖欠/, base: 1.2, months: [2.4, 1.6, 0.8, 0.7, 0.8, 0.9, 0.8, 0.8, 0.9, 0.9, 1.2, 2.0] },
  { re: /物业/, base: 2.2, months: FLAT },
  { re: /环境|卫生|垃圾|绿化/, base: 1.6, months: [0.8, 0.8, 1.0, 1.1, 1.1, 1.1, 1.2, 1.2, 1.0, 1.0, 0.9, 0.8] },
  { re: /道路|路灯|交通|公交|停车/, base: 1.4, months: FLAT },
  { re: /社保|医保|养老|低保|救助/, base: 1.2, months: [1.3, 0.9, 1.1, 1.0, 1.0, 1.0, 1.0, 0.9, 1.0, 1.0, 1.0, 1.2] },
  { re: /教育|学校|入学|招生/, base: 0.9, months: [0.8, 0.6, 1.0, 1.0, 1.2, 1.4, 1.6, 1.9, 1.4, 0.7, 0.6, 0.6] },
  { re: /市场|消费|价格|食品|商品/, base: 1.1, months: [1.3, 1.4, 1.0, 0.9, 1.0, 0.9, 0.9, 0.9, 1.0, 1.1, 1.2, 1.3] },
  { re: /房|建设|施工|违建|违章/, base: 1.1, months: [0.7, 0.5, 1.0, 1.2, 1.2, 1.1, 1.1, 1.1, 1.1, 1.1, 1.0, 0.8] },
  { re: /农|村|土地/, base: 0.8, months: [0.7, 0.6, 1.0, 1.3, 1.3, 1.2, 1.1, 1.1, 1.2, 1.2, 0.8, 0.6] },
]

/** Whole-volume seasonality (Spring Festival dip in February, summer and heating-season peaks). */
export const MONTH_VOLUME = [1.02, 0.82, 0.95, 0.94, 0.97, 1.0, 1.07, 1.08, 0.97, 0.93, 1.05, 1.12] as const
/** Monday first. Calls pile up after the weekend. */
export const WEEKDAY_VOLUME = [1.14, 1.06, 1.0, 0.98, 0.95, 0.72, 0.66] as const
export const HOLIDAY_VOLUME = 0.62
/** Share of calls by hour of day (CST): 7×24 service, busiest mid-morning and mid-afternoon. */
export const HOUR_VOLUME = [
  0.4, 0.25, 0.2, 0.15, 0.2, 0.4, 1.0, 2.2, 4.8, 7.2, 7.6, 6.8, 4.6, 4.4, 6.2, 6.8, 6.4, 5.4, 4.0, 3.6, 3.2, 2.4, 1.6,
  0.9,
] as const

export const REQUEST_TYPE_MIX: readonly [RequestType, number][] = [
  ['complaint', 36],
  ['help', 30],
  ['consult', 22],
  ['report', 5],
  ['suggestion', 5],
  ['praise', 2],
]
export const RETURN_REASON = '该事项不属于我单位职责范围，请改派。'
export const URGENT_SHARE = 0.03
export const EXTENSION_SHARE = 0.03
export const RETURN_SHARE = 0.02
export const FOLLOWUP_MIX: readonly [FollowupResult, number][] = [
  ['satisfied', 85],
  ['basically_satisfied', 8],
  ['unsatisfied', 5],
  ['unreachable', 2],
]
/** Among finally satisfied callers, those who were unsatisfied first and got their matter redone (重办). */
export const REOPENED_THEN_SATISFIED = 0.02

export const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段曲衣鞠',
]
export const ROADS = [
  '北关大街',
  '政府大街',
  '文化街',
  '通海路',
  '大窑路',
  '宁海大街',
  '金埠大街',
  '府前路',
  '正阳路',
  '永安街',
  '新城大街',
  '育英路',
]
export const OPERATORS = ['话务员 孙丽', '话务员 于佳', '话务员 曲婷', '话务员 姜楠', '话务员 林晓', '话务员 王蕾']
export const CENTRE_STAFF = ['热线中心 刘敏', '热线中心 张波', '热线中心 隋静']

export const PROBLEMS: readonly [RegExp, readonly string[]][] = [
  [
    /供暖|暖气|供热|采暖/,
    ['家中暖气不热，室温只有十四五度', '暖气片漏水，已影响楼下住户', '小区供暖管道故障，整栋楼不热'],
  ],
  [/供水|停水|自来水|水压|水质/, ['小区突然停水，未见停水通知', '高峰时段水压过低，楼上无法用水', '自来水发黄有异味']],
  [
    /排水|积水|下水|污水|管网|井盖/,
    ['雨后路口积水严重，行人无法通行', '下水道堵塞外溢，气味很大', '井盖破损存在安全隐患'],
  ],
  [/噪音|噪声|扰民/, ['夜间施工噪音扰民，影响休息', '楼下商户音响声音过大', '广场舞音响声音过大']],
  [/供电|停电|电力/, ['小区频繁停电，影响正常生活', '电线老化垂落，存在安全隐患']],
  [/燃气|天然气|煤气/, ['燃气表故障无法充值', '楼道内闻到燃气味，请尽快排查']],
  [/工资|欠薪|拖欠/, ['在工地务工，工资被拖欠三个月未发', '公司拖欠工资，多次索要无果']],
  [/物业/, ['物业不作为，楼道卫生长期无人打扫', '电梯故障多日物业未维修', '物业费收费标准不透明']],
  [/环境|卫生|垃圾|绿化/, ['路边垃圾堆放多日无人清运', '绿化带树木枯死无人补植', '垃圾桶满溢气味难闻']],
  [/道路|路灯|交通|公交|停车/, ['路灯不亮，夜间出行不便', '道路坑洼不平，车辆通行困难', '占道停车严重，影响通行']],
  [/社保|医保|养老|低保|救助/, ['咨询养老保险缴费年限如何计算', '医保报销迟迟未到账', '申请低保进度无人答复']],
  [/教育|学校|入学|招生/, ['咨询孩子入学需要准备哪些材料', '学校周边交通秩序混乱']],
  [/市场|消费|价格|食品|商品/, ['商户销售过期食品', '预付卡商家跑路无法退款', '商品明码标价与实际收费不符']],
  [/房|建设|施工|违建|违章/, ['邻居私搭乱建，侵占公共空间', '工地施工未采取降尘措施', '购房后迟迟办不下不动产证']],
]
export const GENERIC_PROBLEMS = ['相关问题长期未解决，影响日常生活', '多次反映未得到处理', '希望有关部门尽快核实处理']
export const REPLIES = [
  '经核实，已安排工作人员现场处理，问题已解决，并已电话告知来电人。',
  '接件后我单位立即联系来电人并到现场查看，已协调相关责任方整改完毕。',
  '已向来电人详细解释相关政策规定，来电人表示理解。',
  '经现场核查，情况属实，已责令责任单位限期整改，目前已整改到位。',
  '已联系来电人说明情况，相关问题已纳入近期工作计划，将持续跟进。',
]

export function problemsOf(pathName: string): readonly string[] {
  for (const [re, texts] of PROBLEMS) if (re.test(pathName)) return texts
  return GENERIC_PROBLEMS
}

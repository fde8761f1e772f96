/**
 * 《统计上大中小微型企业划分办法（2017）》(国统字〔2017〕213号), 附表: the lower bounds of 大型, 中型 and 小型 per
 * industry row. X = 从业人员 (people), Y = 营业收入 (万元), Z = 资产总额 (万元); null = the row does not use the
 * indicator. Large, medium and small must meet every listed bound ("须同时满足所列指标的下限，否则下划一档");
 * anything below small is micro. Which industry codes fall under which row: `scaleRowOf` in ../domain.ts.
 */
export type ScaleRowKey =
  | 'agriculture'
  | 'industry'
  | 'construction'
  | 'wholesale'
  | 'retail'
  | 'transport'
  | 'warehousing'
  | 'postal'
  | 'accommodation'
  | 'catering'
  | 'information_transmission'
  | 'software_it'
  | 'real_estate_development'
  | 'property_management'
  | 'leasing_business'
  | 'other'

export interface ScaleBounds {
  employees: number | null
  revenueWan: number | null
  assetsWan: number | null
}

export interface ScaleRow {
  key: ScaleRowKey
  name: string
  large: ScaleBounds
  medium: ScaleBounds
  small: ScaleBounds
}

const b = (employees: number | null, revenueWan: number | null, assetsWan: number | null = null): ScaleBounds => ({
  employees,
  revenueWan,
  assetsWan,
})

export const SCALE_SOURCE = '统计上大中小微型企业划分办法（2017）'

export const SCALE_ROWS: readonly ScaleRow[] = [
  // 农、林、牧、渔业: Y ≥ 20000 / 500 / 50
  { key: 'agriculture', name: '农、林、牧、渔业', large: b(null, 20000), medium: b(null, 500), small: b(null, 50) },
  // 工业 (采矿业, 制造业, 电力、热力、燃气及水生产和供应业): X ≥ 1000 / 300 / 20, Y ≥ 40000 / 2000 / 300
  { key: 'industry', name: '工业', large: b(1000, 40000), medium: b(300, 2000), small: b(20, 300) },
  // 建筑业: Y ≥ 80000 / 6000 / 300, Z ≥ 80000 / 5000 / 300
  {
    key: 'construction',
    name: '建筑业',
    large: b(null, 80000, 80000),
    medium: b(null, 6000, 5000),
    small: b(null, 300, 300),
  },
  // 批发业: X ≥ 200 / 20 / 5, Y ≥ 40000 / 5000 / 1000
  { key: 'wholesale', name: '批发业', large: b(200, 40000), medium: b(20, 5000), small: b(5, 1000) },
  // 零售业: X ≥ 300 / 50 / 10, Y ≥ 20000 / 500 / 100
  { key: 'retail', name: '零售业', large: b(300, 20000), medium: b(50, 500), small: b(10, 100) },
  // 交通运输业 (不含铁路运输业): X ≥ 1000 / 300 / 20, Y ≥ 30000 / 3000 / 200
  { key: 'transport', name: '交通运输业', large: b(1000, 30000), medium: b(300, 3000), small: b(20, 200) },
  // 仓储业: X ≥ 200 / 100 / 20, Y ≥ 30000 / 1000 / 100
  { key: 'warehousing', name: '仓储业', large: b(200, 30000), medium: b(100, 1000), small: b(20, 100) },
  // 邮政业: X ≥ 1000 / 300 / 20, Y ≥ 30000 / 2000 / 100
  { key: 'postal', name: '邮政业', large: b(1000, 30000), medium: b(300, 2000), small: b(20, 100) },
  // 住宿业: X ≥ 300 / 100 / 10, Y ≥ 10000 / 2000 / 100
  { key: 'accommodation', name: '住宿业', large: b(300, 10000), medium: b(100, 2000), small: b(10, 100) },
  // 餐饮业: X ≥ 300 / 100 / 10, Y ≥ 10000 / 2000 / 100
  { key: 'catering', name: '餐饮业', large: b(300, 10000), medium: b(100, 2000), small: b(10, 100) },
  // 信息传输业: X ≥ 2000 / 100 / 10, Y ≥ 100000 / 1000 / 100
  {
    key: 'information_transmission',
    name: '信息传输业',
    large: b(2000, 100000),
    medium: b(100, 1000),
    small: b(10, 100),
  },
  // 软件和信息技术服务业: X ≥ 300 / 100 / 10, Y ≥ 10000 / 1000 / 50
  { key: 'software_it', name: '软件和信息技术服务业', large: b(300, 10000), medium: b(100, 1000), small: b(10, 50) },
  // 房地产开发经营: Y ≥ 200000 / 1000 / 100, Z ≥ 10000 / 5000 / 2000
  {
    key: 'real_estate_development',
    name: '房地产开发经营',
    large: b(null, 200000, 10000),
    medium: b(null, 1000, 5000),
    small: b(null, 100, 2000),
  },
  // 物业管理: X ≥ 1000 / 300 / 100, Y ≥ 5000 / 1000 / 500
  { key: 'property_management', name: '物业管理', large: b(1000, 5000), medium: b(300, 1000), small: b(100, 500) },
  // 租赁和商务服务业: X ≥ 300 / 100 / 10, Z ≥ 120000 / 8000 / 100
  {
    key: 'leasing_business',
    name: '租赁和商务服务业',
    large: b(300, null, 120000),
    medium: b(100, null, 8000),
    small: b(10, null, 100),
  },
  // 其他未列明行业: X ≥ 300 / 100 / 10
  { key: 'other', name: '其他未列明行业', large: b(300, null), medium: b(100, null), small: b(10, null) },
]

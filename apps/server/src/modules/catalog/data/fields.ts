import type { FormField } from '@ruyu/contracts/catalog'

/**
 * Form fields of the construction theme, by key. Items name the keys they ask for, so a key means the same thing
 * in every item and the combined form (一张表单) asks it once. Labels follow the wording of Shandong's
 * 工程建设项目审批 application forms.
 */
const def = (label: string, type: FormField['type'], extra: Partial<FormField> = {}): Omit<FormField, 'key'> => ({
  label,
  type,
  required: true,
  ...extra,
})

const DEFS = {
  // --- project basics, asked once for the whole theme ---
  projectName: def('项目名称', 'text'),
  projectCode: def('投资项目代码', 'text'),
  projectType: def('项目类型', 'select', {
    options: [
      { value: 'industrial', label: '工业项目' },
      { value: 'commercial', label: '商业服务业项目' },
      { value: 'residential', label: '居住项目' },
      { value: 'public', label: '公共服务设施项目' },
      { value: 'infrastructure', label: '市政基础设施项目' },
    ],
  }),
  socialInvestment: def('社会投资项目', 'boolean'),
  landGrantWithScheme: def('带方案出让', 'boolean'),
  divisionCode: def('建设地点（镇街）', 'division'),
  address: def('详细地址', 'text'),
  landAreaMu: def('用地面积', 'number', { unit: '亩' }),
  floorAreaM2: def('总建筑面积', 'number', { unit: 'm²' }),
  investmentWan: def('总投资', 'number', { unit: '万元' }),
  builder: def('建设单位', 'text'),
  builderUscc: def('建设单位统一社会信用代码', 'text'),
  contactName: def('联系人', 'text'),
  contactPhone: def('联系电话', 'text'),
  // --- land and planning ---
  landUseType: def('用地性质', 'select', {
    options: [
      { value: 'industrial', label: '工业用地' },
      { value: 'commercial', label: '商服用地' },
      { value: 'residential', label: '住宅用地' },
      { value: 'public', label: '公共管理与公共服务用地' },
      { value: 'transport', label: '交通运输用地' },
    ],
  }),
  landContractNo: def('土地出让合同编号', 'text'),
  landTitleNo: def('不动产权证书号', 'text'),
  landPlanningPermitNo: def('建设用地规划许可证号', 'text'),
  planningPermitNo: def('建设工程规划许可证号', 'text'),
  buildingHeightM: def('建筑高度', 'number', { unit: 'm' }),
  floorsAbove: def('地上层数', 'number', { unit: '层' }),
  floorsBelow: def('地下层数', 'number', { unit: '层', required: false }),
  plannedStart: def('计划开工日期', 'date'),
  plannedFinish: def('计划竣工日期', 'date'),
  // --- parties and contracts ---
  designUnit: def('设计单位', 'text'),
  constructionUnit: def('施工单位', 'text'),
  supervisionUnit: def('监理单位', 'text'),
  contractPriceWan: def('施工合同价', 'number', { unit: '万元' }),
  // --- sector-specific ---
  civilDefenseAreaM2: def('防空地下室面积', 'number', { unit: 'm²' }),
  annualWaterM3: def('年取水量', 'number', { unit: 'm³' }),
  waterSource: def('水源类型', 'select', {
    options: [
      { value: 'surface', label: '地表水' },
      { value: 'ground', label: '地下水' },
    ],
  }),
  waterDemandM3PerDay: def('日用水量', 'number', { unit: 'm³/d' }),
  dischargeM3PerDay: def('日排水量', 'number', { unit: 'm³/d' }),
  loadKw: def('用电容量', 'number', { unit: 'kW' }),
  voltageLevel: def('供电电压等级', 'select', {
    options: [
      { value: '0.4kV', label: '0.4 千伏' },
      { value: '10kV', label: '10 千伏' },
      { value: '35kV', label: '35 千伏' },
    ],
  }),
  gasLoadM3PerHour: def('用气量', 'number', { unit: 'm³/h' }),
  roadName: def('涉及道路名称', 'text'),
  occupyAreaM2: def('占用面积', 'number', { unit: 'm²' }),
  occupyFrom: def('占用开始日期', 'date'),
  occupyTo: def('占用结束日期', 'date'),
  treeCount: def('树木数量', 'number', { unit: '株' }),
  greenAreaM2: def('涉及绿地面积', 'number', { unit: 'm²' }),
  wasteVolumeM3: def('建筑垃圾产生量', 'number', { unit: 'm³' }),
  wasteDestination: def('消纳场所', 'text'),
  nightWorkPeriod: def('夜间施工时段', 'text'),
  hazardousChemicals: def('涉及危险化学品名称及数量', 'text'),
  annualEnergyTce: def('年综合能源消费量', 'number', { unit: '吨标准煤' }),
  relicsSite: def('涉及文物保护单位名称', 'text'),
  craneModel: def('起重机械型号', 'text'),
  craneSerialNo: def('出厂编号', 'text'),
  craneRecordNo: def('产权备案编号', 'text'),
  venueName: def('场所名称', 'text'),
  venueAreaM2: def('场所建筑面积', 'number', { unit: 'm²' }),
  archivesVolumes: def('档案卷数', 'number', { unit: '卷' }),
  pollutantTypes: def('主要污染物种类', 'text'),
} satisfies Record<string, Omit<FormField, 'key'>>

export type FieldKey = keyof typeof DEFS

/** A field by key, optionally adjusted for one item (e.g. not required there). */
export function field(key: FieldKey, overrides: Partial<Omit<FormField, 'key'>> = {}): FormField {
  const d = DEFS[key] as Omit<FormField, 'key'>
  const out: FormField = { key, label: d.label, type: d.type, required: d.required }
  if (d.unit) out.unit = d.unit
  if (d.options) out.options = d.options
  return { ...out, ...overrides }
}

/** The fields every construction item asks for: the project and who applies. */
export const BASE_FIELDS: readonly FieldKey[] = [
  'projectName',
  'projectCode',
  'builder',
  'builderUscc',
  'contactName',
  'contactPhone',
]

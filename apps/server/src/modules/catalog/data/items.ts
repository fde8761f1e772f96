import type { CertificateRef, FormField, HandlingLevel, ItemInput, Material } from '@ruyu/contracts/catalog'
import { BASE_FIELDS, type FieldKey, field } from './fields.ts'
import { BASE_MATERIALS, type MaterialCode, material } from './materials.ts'

/**
 * The 68 items of Muping's construction theme (工程建设项目主题审批: 14 departments, 68 items and review
 * procedures, per the seed report), across the four stages of DOMAIN.md §3.1.
 *
 * Names follow Shandong's 工程建设项目审批事项清单 and the national item names. Legal limits are the statutory ones in
 * working days (行政许可法 art. 42: 20 unless a law sets another, e.g. 施工许可 7, 取水许可 45, 环评报告书 60 and
 * 报告表 30 days, 消防设计审查/验收 15, 不动产首次登记 30); utilities' hook-ups carry the limits of their service
 * rules (供电营业规则, 获得电力 commitments). Committed limits are plausible Muping commitments, not published ones:
 * confirm them with the approval bureau's 办事指南 before go-live. Codes: MP-JS-<stage><seq>.
 */

export type SeedItem = Omit<ItemInput, 'baseVersion' | 'changeNote'> & { code: string }

type FieldSpec = FieldKey | [FieldKey, Partial<Omit<FormField, 'key'>>]
type MaterialSpec = MaterialCode | [MaterialCode, { required?: boolean; note?: string }]

interface Spec {
  fields: FieldSpec[]
  materials: MaterialSpec[]
  levels?: HandlingLevel[]
  online?: boolean
  certificate?: CertificateRef
  zone?: string
  /** Overrides of the base fields (e.g. the project code, which 备案 assigns, is not asked before it). */
  base?: Partial<Record<FieldKey, Partial<Omit<FormField, 'key'>>>>
}

const toField = (s: FieldSpec) => (Array.isArray(s) ? field(s[0], s[1]) : field(s))
const toMaterial = (s: MaterialSpec) => (Array.isArray(s) ? material(s[0], s[1]) : material(s))

function item(
  code: string,
  name: string,
  departmentCode: string,
  stage: number,
  legalLimitDays: number,
  committedLimitDays: number,
  spec: Spec,
): SeedItem {
  const own = spec.fields.map(toField)
  const base = BASE_FIELDS.filter((k) => !own.some((f) => f.key === k)).map((k) => field(k, spec.base?.[k]))
  const materials: Material[] = [...BASE_MATERIALS, ...spec.materials].map(toMaterial)
  return {
    code,
    name,
    departmentCode,
    stage,
    legalLimitDays,
    committedLimitDays,
    materials,
    formFields: [...base, ...own],
    levels: spec.levels ?? ['district'],
    onlineCapable: spec.online ?? true,
    certificate: spec.certificate ?? null,
    zoneAssessmentKind: spec.zone ?? null,
    deemedConsent: false,
  }
}

const cert = (kind: string, name: string): CertificateRef => ({ kind, name })
const notRequired = { required: false }
const SITE = ['divisionCode', 'address'] as const

export const items: readonly SeedItem[] = [
  // ---------------------------------------------------------------- 1 立项用地规划许可
  item('MP-JS-0101', '企业投资项目备案', 'MP-FGJ', 1, 1, 0, {
    fields: ['projectType', 'socialInvestment', ...SITE, 'investmentWan', 'landAreaMu', ['floorAreaM2', notRequired]],
    materials: [['M-COMMITMENT', { note: '项目信息真实性承诺，在线签署' }]],
    levels: ['district', 'town'],
    base: { projectCode: { required: false } },
  }),
  item('MP-JS-0102', '企业投资项目核准', 'MP-FGJ', 1, 20, 10, {
    fields: ['projectType', ...SITE, 'investmentWan', 'landAreaMu', 'floorAreaM2'],
    materials: ['M-APPLICATION-REPORT', 'M-LOCATION-MAP'],
  }),
  item('MP-JS-0103', '政府投资项目建议书审批', 'MP-FGJ', 1, 20, 10, {
    fields: [...SITE, 'investmentWan'],
    materials: ['M-PROPOSAL'],
    base: { projectCode: { required: false } },
  }),
  item('MP-JS-0104', '政府投资项目可行性研究报告审批', 'MP-FGJ', 1, 20, 10, {
    fields: [...SITE, 'investmentWan', 'landAreaMu', 'floorAreaM2'],
    materials: ['M-FEASIBILITY', ['M-PROJECT-APPROVAL', { note: '项目建议书批复文件' }]],
  }),
  item('MP-JS-0105', '固定资产投资项目节能审查', 'MP-FGJ', 1, 20, 7, {
    fields: ['annualEnergyTce', 'investmentWan'],
    materials: [
      ['M-ENERGY-REPORT', { note: '园区已完成节能区域评估的，可引用评估结论简化编制' }],
      'M-PROJECT-APPROVAL',
    ],
    zone: 'ZA-ENERGY',
  }),
  item('MP-JS-0106', '建设项目用地预审与选址意见书核发', 'MP-ZRJ', 1, 20, 7, {
    fields: [...SITE, 'landAreaMu', 'landUseType', 'investmentWan'],
    materials: [
      'M-LOCATION-MAP',
      ['M-PROJECT-APPROVAL', notRequired],
      ['M-FEASIBILITY', { required: false, note: '政府投资项目提供' }],
    ],
    certificate: cert('site-selection-opinion', '建设项目用地预审与选址意见书'),
  }),
  item('MP-JS-0107', '建设用地规划许可证核发', 'MP-ZRJ', 1, 20, 5, {
    fields: [...SITE, 'landAreaMu', 'landUseType', 'landContractNo'],
    materials: ['M-LAND-CONTRACT', 'M-PLAN-CONDITIONS', 'M-CADASTRAL-SURVEY', 'M-PROJECT-APPROVAL'],
    certificate: cert('land-use-planning-permit', '建设用地规划许可证'),
  }),
  item('MP-JS-0108', '国有建设用地使用权首次登记', 'MP-ZRJ', 1, 30, 3, {
    fields: ['address', 'landAreaMu', 'landUseType', 'landContractNo'],
    materials: ['M-LAND-CONTRACT', 'M-LAND-PAYMENT', 'M-CADASTRAL-SURVEY'],
    certificate: cert('real-estate-title', '不动产权证书'),
  }),
  item('MP-JS-0109', '建设项目压覆重要矿产资源审查', 'MP-ZRJ', 1, 20, 10, {
    fields: [...SITE, 'landAreaMu'],
    materials: ['M-MINERAL-REPORT', 'M-LOCATION-MAP'],
    zone: 'ZA-MINERAL',
  }),
  item('MP-JS-0110', '地质灾害危险性评估报告备案', 'MP-ZRJ', 1, 10, 3, {
    fields: [...SITE, 'landAreaMu'],
    materials: ['M-GEOHAZARD-REPORT'],
    zone: 'ZA-GEOHAZARD',
  }),
  item('MP-JS-0111', '建设工程地震安全性评价结果审定及抗震设防要求确定', 'MP-YJJ', 1, 20, 10, {
    fields: [...SITE, 'buildingHeightM', 'floorAreaM2'],
    materials: ['M-SEISMIC-REPORT', 'M-LOCATION-MAP'],
    zone: 'ZA-SEISMIC',
  }),
  item('MP-JS-0112', '危险化学品建设项目安全条件审查', 'MP-YJJ', 1, 45, 20, {
    fields: ['hazardousChemicals', ...SITE, 'investmentWan'],
    materials: ['M-SAFETY-REPORT', 'M-PROJECT-APPROVAL', 'M-LOCATION-MAP'],
  }),
  item('MP-JS-0113', '建设项目环境影响评价报告书审批', 'MP-HBJ', 1, 60, 20, {
    fields: [...SITE, 'investmentWan', 'pollutantTypes'],
    materials: [
      ['M-EIA-REPORT', { note: '报告书全本及公众参与说明' }],
      ['M-PROJECT-APPROVAL', notRequired],
    ],
    zone: 'ZA-ENV',
  }),
  item('MP-JS-0114', '建设项目环境影响评价报告表审批', 'MP-HBJ', 1, 30, 10, {
    fields: [...SITE, 'investmentWan', 'pollutantTypes'],
    materials: ['M-EIA-REPORT', ['M-PROJECT-APPROVAL', notRequired]],
    zone: 'ZA-ENV',
  }),
  item('MP-JS-0115', '建设项目环境影响登记表备案', 'MP-HBJ', 1, 1, 0, {
    fields: [...SITE, ['pollutantTypes', notRequired]],
    materials: [],
  }),
  item('MP-JS-0116', '生产建设项目水土保持方案审批', 'MP-SWJ', 1, 20, 5, {
    fields: [...SITE, 'landAreaMu', 'investmentWan'],
    materials: ['M-SWC-PLAN', 'M-LOCATION-MAP'],
    zone: 'ZA-SOIL-WATER',
  }),
  item('MP-JS-0117', '大型基本建设工程文物考古调查勘探', 'MP-WLJ', 1, 20, 15, {
    fields: [...SITE, 'landAreaMu'],
    materials: ['M-LOCATION-MAP', 'M-CADASTRAL-SURVEY'],
    online: false,
    zone: 'ZA-RELICS',
  }),
  item('MP-JS-0118', '新建、扩建、改建建设工程避免危害气象探测环境审批', 'MP-QXJ', 1, 20, 10, {
    fields: [...SITE, 'buildingHeightM'],
    materials: ['M-LOCATION-MAP', ['M-DESIGN-SCHEME', notRequired]],
  }),

  // ---------------------------------------------------------------- 2 工程建设许可
  item('MP-JS-0201', '建设工程设计方案审查', 'MP-ZRJ', 2, 20, 5, {
    fields: [
      ...SITE,
      'floorAreaM2',
      'buildingHeightM',
      'floorsAbove',
      'floorsBelow',
      'designUnit',
      'landPlanningPermitNo',
    ],
    materials: ['M-DESIGN-SCHEME', 'M-SITE-PLAN', 'M-PLAN-CONDITIONS', 'M-LAND-PLANNING-PERMIT'],
  }),
  item('MP-JS-0202', '建设工程规划许可证核发', 'MP-ZRJ', 2, 20, 5, {
    fields: [
      ...SITE,
      'floorAreaM2',
      'buildingHeightM',
      'floorsAbove',
      'floorsBelow',
      'designUnit',
      'landPlanningPermitNo',
    ],
    materials: [
      ['M-LAND-TITLE', { note: '拿地即开工项目可凭土地出让合同容缺受理' }],
      'M-LAND-CONTRACT',
      'M-SITE-PLAN',
      'M-DESIGN-SCHEME',
      'M-LAND-PLANNING-PERMIT',
    ],
    certificate: cert('construction-planning-permit', '建设工程规划许可证'),
  }),
  item('MP-JS-0203', '乡村建设规划许可证核发', 'MP-ZRJ', 2, 20, 10, {
    fields: [...SITE, 'landAreaMu', 'floorAreaM2'],
    materials: ['M-SITE-PLAN', 'M-LOCATION-MAP', ['M-DESIGN-SCHEME', notRequired]],
    levels: ['district', 'town'],
    certificate: cert('rural-planning-permit', '乡村建设规划许可证'),
    base: { projectCode: { required: false } },
  }),
  item('MP-JS-0204', '政府投资项目初步设计及概算审批', 'MP-FGJ', 2, 20, 10, {
    fields: ['investmentWan', 'floorAreaM2', 'designUnit'],
    materials: ['M-PRELIM-DESIGN', ['M-PROJECT-APPROVAL', { note: '可行性研究报告批复文件' }]],
  }),
  item('MP-JS-0205', '超限高层建筑工程抗震设防审批', 'MP-ZJJ', 2, 20, 10, {
    fields: ['buildingHeightM', 'floorsAbove', 'floorAreaM2', 'designUnit'],
    materials: ['M-SEISMIC-DESIGN', 'M-EXPERT-OPINION', 'M-DESIGN-SCHEME'],
  }),
  item('MP-JS-0206', '结合民用建筑修建防空地下室审批', 'MP-RFB', 2, 20, 5, {
    fields: ['floorAreaM2', 'floorsBelow', 'civilDefenseAreaM2'],
    materials: ['M-SITE-PLAN', 'M-DESIGN-SCHEME', ['M-CIVIL-DEFENSE-DESIGN', { note: '方案阶段提供人防设计说明' }]],
  }),
  item('MP-JS-0207', '防空地下室易地建设审批', 'MP-RFB', 2, 20, 5, {
    fields: ['floorAreaM2', 'civilDefenseAreaM2'],
    materials: ['M-SITE-PLAN', 'M-LAND-PLANNING-PERMIT', ['M-COMMITMENT', { note: '易地建设费缴纳承诺' }]],
    online: false,
  }),
  item('MP-JS-0208', '建设项目交通影响评价审查', 'MP-JTJ', 2, 20, 10, {
    fields: [...SITE, 'floorAreaM2', 'roadName'],
    materials: ['M-TRAFFIC-REPORT', 'M-SITE-PLAN'],
    zone: 'ZA-TRAFFIC',
  }),
  item('MP-JS-0209', '在公路上增设或改造平面交叉道口审批', 'MP-JTJ', 2, 20, 10, {
    fields: ['roadName', 'address'],
    materials: ['M-SITE-PLAN', 'M-ROAD-SAFETY-REPORT', 'M-CONSTRUCTION-PLAN'],
  }),
  item('MP-JS-0210', '洪水影响评价类审批', 'MP-SWJ', 2, 20, 10, {
    fields: [...SITE, 'landAreaMu'],
    materials: ['M-FLOOD-REPORT', 'M-SITE-PLAN'],
    zone: 'ZA-FLOOD',
  }),
  item('MP-JS-0211', '取水许可', 'MP-SWJ', 2, 45, 10, {
    fields: ['annualWaterM3', 'waterSource', 'waterDemandM3PerDay'],
    materials: ['M-WATER-RESOURCE-REPORT', 'M-PROJECT-APPROVAL'],
    certificate: cert('water-permit', '取水许可证'),
    zone: 'ZA-WATER',
  }),
  item('MP-JS-0212', '文物保护单位建设控制地带内建设工程设计方案审批', 'MP-WLJ', 2, 20, 10, {
    fields: ['relicsSite', 'buildingHeightM', 'address'],
    materials: ['M-DESIGN-SCHEME', 'M-RELICS-REPORT', 'M-SITE-PLAN'],
    zone: 'ZA-RELICS',
  }),
  item('MP-JS-0213', '改变绿化规划、绿化用地的使用性质审批', 'MP-CGJ', 2, 20, 5, {
    fields: ['greenAreaM2', 'address'],
    materials: ['M-SITE-PLAN', 'M-GREEN-PLAN'],
  }),
  item('MP-JS-0214', '砍伐城市树木、迁移古树名木审批', 'MP-CGJ', 2, 20, 5, {
    fields: ['treeCount', 'address'],
    materials: ['M-GREEN-PLAN', 'M-SITE-PHOTOS'],
  }),
  item('MP-JS-0215', '危险化学品建设项目安全设施设计审查', 'MP-YJJ', 2, 20, 10, {
    fields: ['hazardousChemicals', 'designUnit'],
    materials: ['M-SAFETY-DESIGN', ['M-SAFETY-REPORT', { note: '安全条件审查意见书' }], 'M-EXPERT-OPINION'],
  }),
  item('MP-JS-0216', '临时建设工程规划许可证核发', 'MP-ZRJ', 2, 20, 5, {
    fields: ['address', 'floorAreaM2', 'occupyFrom', 'occupyTo'],
    materials: ['M-SITE-PLAN', 'M-DESIGN-SCHEME', ['M-COMMITMENT', { note: '临时建筑到期自行拆除承诺' }]],
    certificate: cert('temporary-planning-permit', '临时建设工程规划许可证'),
  }),

  // ---------------------------------------------------------------- 3 施工许可
  item('MP-JS-0301', '施工图设计文件审查', 'MP-ZJJ', 3, 20, 10, {
    fields: ['designUnit', 'floorAreaM2', 'buildingHeightM', 'floorsAbove', 'floorsBelow'],
    materials: [
      ['M-CONSTRUCTION-DRAWINGS', { note: '消防、人防、防雷等技术审查合并为联合审图（多审合一）' }],
      ['M-PLANNING-PERMIT', notRequired],
    ],
  }),
  item('MP-JS-0302', '特殊建设工程消防设计审查', 'MP-ZJJ', 3, 15, 7, {
    fields: ['floorAreaM2', 'buildingHeightM', 'designUnit'],
    materials: ['M-FIRE-DESIGN', 'M-CONSTRUCTION-DRAWINGS'],
  }),
  item('MP-JS-0303', '人民防空工程防护设计审查', 'MP-RFB', 3, 20, 5, {
    fields: ['civilDefenseAreaM2', 'designUnit'],
    materials: ['M-CIVIL-DEFENSE-DESIGN', 'M-CONSTRUCTION-DRAWINGS'],
  }),
  item('MP-JS-0304', '雷电防护装置设计审核', 'MP-QXJ', 3, 20, 5, {
    fields: ['buildingHeightM', 'designUnit', ['hazardousChemicals', notRequired]],
    materials: [
      'M-LIGHTNING-DESIGN',
      ['M-LIGHTNING-REPORT', { required: false, note: '园区已完成雷电灾害风险区域评估的免予提交' }],
      'M-SITE-PLAN',
    ],
    zone: 'ZA-LIGHTNING',
  }),
  item('MP-JS-0305', '建筑工程施工许可证核发', 'MP-ZJJ', 3, 7, 3, {
    fields: [
      'floorAreaM2',
      'investmentWan',
      'contractPriceWan',
      'designUnit',
      'constructionUnit',
      'supervisionUnit',
      'plannedStart',
      'plannedFinish',
      'planningPermitNo',
      'landTitleNo',
    ],
    materials: [
      ['M-LAND-TITLE', { note: '不动产权证书或用地批准手续' }],
      'M-PLANNING-PERMIT',
      'M-CONSTRUCTION-CONTRACT',
      ['M-SUPERVISION-CONTRACT', { required: false, note: '依法应当委托监理的工程提供' }],
      ['M-TENDER-RESULT', { required: false, note: '依法必须招标的工程提供' }],
      'M-DRAWING-REVIEW-CERT',
      'M-QUALITY-COMMITMENT',
      'M-FUNDS-COMMITMENT',
    ],
    certificate: cert('construction-permit', '建筑工程施工许可证'),
  }),
  item('MP-JS-0306', '建设工程招标投标情况书面报告备案', 'MP-ZJJ', 3, 5, 1, {
    fields: ['constructionUnit', 'contractPriceWan'],
    materials: ['M-TENDER-RESULT', ['M-CONSTRUCTION-CONTRACT', notRequired]],
  }),
  item('MP-JS-0307', '建筑起重机械使用登记', 'MP-ZJJ', 3, 7, 3, {
    fields: ['craneModel', 'craneSerialNo', 'craneRecordNo', 'constructionUnit', 'address'],
    materials: ['M-CRANE-DOCS'],
  }),
  item('MP-JS-0308', '金属冶炼建设项目安全设施设计审查', 'MP-YJJ', 3, 20, 10, {
    fields: ['designUnit', 'investmentWan'],
    materials: ['M-SAFETY-DESIGN', 'M-EXPERT-OPINION'],
  }),
  item('MP-JS-0309', '城市建筑垃圾处置核准', 'MP-CGJ', 3, 20, 3, {
    fields: ['wasteVolumeM3', 'wasteDestination', 'constructionUnit', 'address'],
    materials: ['M-WASTE-CONTRACT', ['M-CONSTRUCTION-PLAN', notRequired]],
  }),
  item('MP-JS-0310', '城市道路占用、挖掘许可', 'MP-CGJ', 3, 20, 5, {
    fields: ['roadName', 'occupyAreaM2', 'occupyFrom', 'occupyTo', 'constructionUnit'],
    materials: ['M-CONSTRUCTION-PLAN', 'M-SITE-PLAN'],
  }),
  item('MP-JS-0311', '临时占用城市绿地审批', 'MP-CGJ', 3, 20, 5, {
    fields: ['greenAreaM2', 'occupyFrom', 'occupyTo'],
    materials: ['M-GREEN-PLAN', 'M-SITE-PLAN'],
  }),
  item('MP-JS-0312', '涉路施工许可', 'MP-JTJ', 3, 20, 5, {
    fields: ['roadName', 'occupyFrom', 'occupyTo', 'constructionUnit'],
    materials: ['M-CONSTRUCTION-PLAN', 'M-ROAD-SAFETY-REPORT', 'M-SITE-PLAN'],
  }),
  item('MP-JS-0313', '拆除人民防空工程审批', 'MP-RFB', 3, 20, 10, {
    fields: ['civilDefenseAreaM2', 'address'],
    materials: [
      ['M-AS-BUILT', { note: '原人民防空工程竣工图' }],
      ['M-COMMITMENT', { note: '补建或缴纳拆除补偿费承诺' }],
    ],
    online: false,
  }),
  item('MP-JS-0314', '施工临时用电报装', 'MP-GDG', 3, 5, 2, {
    fields: ['loadKw', 'voltageLevel', 'address', 'plannedStart'],
    materials: ['M-LOAD-LIST', ['M-LAND-TITLE', { note: '或用地批准文件' }]],
    levels: ['district', 'town'],
  }),
  item('MP-JS-0315', '供水接入报装', 'MP-SWJ', 3, 10, 4, {
    fields: ['waterDemandM3PerDay', 'address'],
    materials: ['M-SITE-PLAN', ['M-LAND-TITLE', notRequired]],
  }),
  item('MP-JS-0316', '在文物保护单位保护范围内进行其他建设工程或者爆破、钻探、挖掘等作业审批', 'MP-WLJ', 3, 20, 10, {
    fields: ['relicsSite', 'address', 'constructionUnit'],
    materials: ['M-CONSTRUCTION-PLAN', 'M-RELICS-REPORT'],
    online: false,
  }),
  item('MP-JS-0317', '建筑施工夜间作业证明', 'MP-HBJ', 3, 5, 1, {
    fields: ['nightWorkPeriod', 'constructionUnit', 'address'],
    materials: [['M-CONSTRUCTION-PLAN', { note: '夜间连续施工必要性说明及降噪措施' }]],
  }),

  // ---------------------------------------------------------------- 4 竣工验收
  item('MP-JS-0401', '建设工程规划条件核实', 'MP-ZRJ', 4, 20, 5, {
    fields: ['planningPermitNo', 'floorAreaM2', 'address'],
    materials: ['M-COMPLETION-SURVEY', 'M-PLANNING-PERMIT', 'M-AS-BUILT'],
  }),
  item('MP-JS-0402', '建设用地复核验收', 'MP-ZRJ', 4, 20, 5, {
    fields: ['landTitleNo', 'landAreaMu'],
    materials: ['M-LAND-CONTRACT', 'M-COMPLETION-SURVEY', 'M-LAND-TITLE'],
  }),
  item('MP-JS-0403', '房屋所有权首次登记', 'MP-ZRJ', 4, 30, 5, {
    fields: ['landTitleNo', 'floorAreaM2', 'address'],
    materials: ['M-LAND-TITLE', 'M-PLANNING-PERMIT', 'M-HOUSE-SURVEY', 'M-COMPLETION-REPORT'],
    certificate: cert('real-estate-title', '不动产权证书'),
  }),
  item('MP-JS-0404', '特殊建设工程消防验收', 'MP-ZJJ', 4, 15, 7, {
    fields: ['floorAreaM2', 'constructionUnit', 'supervisionUnit'],
    materials: ['M-FIRE-TEST', 'M-AS-BUILT', ['M-COMPLETION-REPORT', notRequired]],
  }),
  item('MP-JS-0405', '其他建设工程消防验收备案', 'MP-ZJJ', 4, 5, 1, {
    fields: ['floorAreaM2', 'constructionUnit'],
    materials: [['M-FIRE-TEST', notRequired], 'M-AS-BUILT'],
  }),
  item('MP-JS-0406', '房屋建筑和市政基础设施工程竣工验收备案', 'MP-ZJJ', 4, 5, 2, {
    fields: ['constructionUnit', 'supervisionUnit', 'floorAreaM2'],
    materials: ['M-COMPLETION-REPORT', 'M-WARRANTY', 'M-PLANNING-PERMIT'],
  }),
  item('MP-JS-0407', '人民防空工程竣工验收备案', 'MP-RFB', 4, 15, 5, {
    fields: ['civilDefenseAreaM2'],
    materials: ['M-AS-BUILT', 'M-COMPLETION-REPORT'],
  }),
  item('MP-JS-0408', '建设工程竣工档案验收（城建档案验收）', 'MP-DAG', 4, 20, 5, {
    fields: ['archivesVolumes', 'constructionUnit'],
    materials: ['M-ARCHIVES-LIST', 'M-AS-BUILT'],
  }),
  item('MP-JS-0409', '重大建设项目档案验收', 'MP-DAG', 4, 20, 10, {
    fields: ['archivesVolumes', 'investmentWan'],
    materials: ['M-ARCHIVES-LIST', 'M-COMPLETION-REPORT'],
    online: false,
  }),
  item('MP-JS-0410', '雷电防护装置竣工验收', 'MP-QXJ', 4, 20, 5, {
    fields: ['constructionUnit'],
    materials: [['M-LIGHTNING-DESIGN', { note: '设计审核意见书及设计文件' }], 'M-LIGHTNING-TEST', 'M-AS-BUILT'],
  }),
  item('MP-JS-0411', '排污许可证核发', 'MP-HBJ', 4, 20, 10, {
    fields: ['pollutantTypes', 'dischargeM3PerDay'],
    materials: ['M-POLLUTION-PERMIT-APPLICATION', ['M-EIA-REPORT', { note: '环境影响评价批复文件' }]],
    certificate: cert('pollution-permit', '排污许可证'),
  }),
  item('MP-JS-0412', '城镇污水排入排水管网许可', 'MP-CGJ', 4, 15, 5, {
    fields: ['dischargeM3PerDay', 'address'],
    materials: ['M-DRAINAGE-PLAN', 'M-WATER-QUALITY-TEST'],
    certificate: cert('drainage-permit', '城镇污水排入排水管网许可证'),
  }),
  item('MP-JS-0413', '生产建设项目水土保持设施自主验收报备', 'MP-SWJ', 4, 5, 1, {
    fields: ['landAreaMu'],
    materials: ['M-SWC-ACCEPTANCE'],
  }),
  item('MP-JS-0414', '公众聚集场所投入使用、营业前消防安全检查', 'MP-XFD', 4, 10, 3, {
    fields: ['venueName', 'venueAreaM2', 'address'],
    materials: [
      'M-VENUE-PLAN',
      ['M-COMMITMENT', { note: '实行告知承诺的，签署承诺书后当场发证' }],
      ['M-FIRE-TEST', notRequired],
    ],
  }),
  item('MP-JS-0415', '高压用电新装（增容）报装', 'MP-GDG', 4, 15, 7, {
    fields: ['loadKw', 'voltageLevel', 'address'],
    materials: ['M-LOAD-LIST', ['M-LAND-TITLE', { note: '或用地批准文件' }]],
  }),
  item('MP-JS-0416', '低压用电新装报装', 'MP-GDG', 4, 5, 2, {
    fields: ['loadKw', 'address'],
    materials: [
      ['M-LOAD-LIST', notRequired],
      ['M-LAND-TITLE', { required: false, note: '或用地批准文件' }],
    ],
    levels: ['district', 'town', 'village'],
  }),
  item('MP-JS-0417', '城镇燃气接入报装', 'MP-CGJ', 4, 10, 5, {
    fields: ['gasLoadM3PerHour', 'address'],
    materials: ['M-SITE-PLAN', ['M-LAND-TITLE', notRequired]],
    levels: ['district', 'town'],
  }),
]

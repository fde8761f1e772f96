import type { Material } from '@ruyu/contracts/catalog'

/**
 * Materials of the construction theme, by code. Items name the codes they need, so one upload serves every item
 * needing the same document (e.g. the land contract for the land-use planning permit, the title and the
 * construction permit). Documents the platform can fetch as electronic licences say so in the note.
 */
const DEFS = {
  'M-APPLY-FORM': { name: '工程建设项目审批申请表（一张表单）', note: '由平台根据填报内容生成，签章后上传' },
  'M-BIZ-LICENSE': { name: '营业执照', note: '电子证照自动调取，无需提交纸质件' },
  'M-POWER-OF-ATTORNEY': { name: '授权委托书及受托人身份证明', note: '委托他人办理时提供' },
  'M-PROJECT-APPROVAL': { name: '项目备案证明（或核准、审批文件）' },
  'M-APPLICATION-REPORT': { name: '项目申请报告' },
  'M-PROPOSAL': { name: '项目建议书' },
  'M-FEASIBILITY': { name: '可行性研究报告' },
  'M-PRELIM-DESIGN': { name: '初步设计文件及投资概算' },
  'M-LOCATION-MAP': { name: '项目位置图（标注拟选址范围）' },
  'M-LAND-CONTRACT': { name: '国有建设用地使用权出让合同' },
  'M-LAND-PAYMENT': { name: '土地出让价款及税费缴纳凭证' },
  'M-LAND-TITLE': { name: '不动产权证书（土地）', note: '电子证照自动调取' },
  'M-CADASTRAL-SURVEY': { name: '勘测定界报告及界址点坐标' },
  'M-PLAN-CONDITIONS': { name: '规划条件（含附图）' },
  'M-SITE-PLAN': { name: '建设工程总平面图' },
  'M-DESIGN-SCHEME': { name: '建设工程设计方案（含效果图、技术经济指标）' },
  'M-LAND-PLANNING-PERMIT': { name: '建设用地规划许可证', note: '电子证照自动调取' },
  'M-PLANNING-PERMIT': { name: '建设工程规划许可证', note: '电子证照自动调取' },
  'M-CONSTRUCTION-DRAWINGS': { name: '施工图设计文件' },
  'M-DRAWING-REVIEW-CERT': { name: '施工图审查合格书', note: '联合审图系统自动推送' },
  'M-FIRE-DESIGN': { name: '消防设计文件' },
  'M-CIVIL-DEFENSE-DESIGN': { name: '人防工程设计文件' },
  'M-SEISMIC-DESIGN': { name: '抗震设防专项审查报告及结构设计文件' },
  'M-CONSTRUCTION-CONTRACT': { name: '施工合同' },
  'M-SUPERVISION-CONTRACT': { name: '监理合同' },
  'M-TENDER-RESULT': { name: '中标通知书' },
  'M-QUALITY-COMMITMENT': { name: '建设单位项目负责人质量终身责任承诺书' },
  'M-FUNDS-COMMITMENT': { name: '建设资金已落实承诺书' },
  'M-COMMITMENT': { name: '告知承诺书', note: '实行告知承诺的事项签署后可容缺受理' },
  'M-EIA-REPORT': { name: '环境影响报告书（表）' },
  'M-SWC-PLAN': { name: '水土保持方案报告书（表）' },
  'M-FLOOD-REPORT': { name: '洪水影响评价报告' },
  'M-WATER-RESOURCE-REPORT': { name: '建设项目水资源论证报告书（表）' },
  'M-ENERGY-REPORT': { name: '节能报告' },
  'M-SEISMIC-REPORT': { name: '地震安全性评价报告' },
  'M-GEOHAZARD-REPORT': { name: '地质灾害危险性评估报告' },
  'M-MINERAL-REPORT': { name: '压覆重要矿产资源调查评估报告' },
  'M-TRAFFIC-REPORT': { name: '交通影响评价报告' },
  'M-RELICS-REPORT': { name: '文物影响评估报告' },
  'M-LIGHTNING-REPORT': { name: '雷电灾害风险评估报告' },
  'M-LIGHTNING-DESIGN': { name: '雷电防护装置设计文件' },
  'M-SAFETY-REPORT': { name: '安全评价报告' },
  'M-SAFETY-DESIGN': { name: '安全设施设计专篇' },
  'M-EXPERT-OPINION': { name: '专家论证意见' },
  'M-CONSTRUCTION-PLAN': { name: '施工方案及交通组织方案' },
  'M-ROAD-SAFETY-REPORT': { name: '涉路工程安全评价报告' },
  'M-GREEN-PLAN': { name: '绿化补偿或移植方案' },
  'M-WASTE-CONTRACT': { name: '建筑垃圾运输及消纳合同' },
  'M-DRAINAGE-PLAN': { name: '排水户内部排水管网、专用检测井、污水排放口位置图' },
  'M-WATER-QUALITY-TEST': { name: '排水水质检测报告' },
  'M-POLLUTION-PERMIT-APPLICATION': { name: '排污许可证申请表及污染防治设施说明' },
  'M-CRANE-DOCS': { name: '起重机械产权备案证明、安装验收资料' },
  'M-COMPLETION-REPORT': { name: '工程竣工验收报告' },
  'M-WARRANTY': { name: '工程质量保修书' },
  'M-LIGHTNING-TEST': { name: '雷电防护装置检测报告' },
  'M-SWC-ACCEPTANCE': { name: '水土保持设施验收鉴定书及验收报告' },
  'M-AS-BUILT': { name: '竣工图' },
  'M-COMPLETION-SURVEY': { name: '竣工规划核实测量成果报告' },
  'M-FIRE-TEST': { name: '消防设施检测报告' },
  'M-ARCHIVES-LIST': { name: '建设工程档案移交目录' },
  'M-LOAD-LIST': { name: '用电设备清单及用电负荷' },
  'M-SITE-PHOTOS': { name: '现场照片' },
  'M-VENUE-PLAN': { name: '场所平面布置图及消防设施布置图' },
  'M-HOUSE-SURVEY': { name: '房屋测绘报告' },
} satisfies Record<string, Omit<Material, 'code' | 'required'>>

export type MaterialCode = keyof typeof DEFS

/** A material by code: required unless `required: false`; an item-specific note replaces the general one. */
export function material(code: MaterialCode, overrides: { required?: boolean; note?: string } = {}): Material {
  const d = DEFS[code] as { name: string; note?: string }
  const note = overrides.note ?? d.note
  return { code, name: d.name, required: overrides.required ?? true, ...(note ? { note } : {}) }
}

/** Materials every construction item takes: the application, the applicant's licence, a proxy when one applies. */
export const BASE_MATERIALS: readonly (MaterialCode | [MaterialCode, { required?: boolean; note?: string }])[] = [
  'M-APPLY-FORM',
  ['M-BIZ-LICENSE', { required: false }],
  ['M-POWER-OF-ATTORNEY', { required: false }],
]

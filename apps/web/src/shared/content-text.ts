import i18n from '../app/i18n'

/**
 * English names of the seeded theme's own content (the theme, its stages and variants), keyed by the Chinese text
 * the catalogue stores. Text an administrator has changed has no entry and shows as entered, in either language.
 * Item, material and department names are the official names the locality publishes and are shown as such.
 */
const CONTENT_EN: Record<string, string> = {
  '工程建设项目主题审批（立项+规划+施工+竣工）':
    'Construction project theme approval (project approval + planning + construction + completion)',
  '14个部门68项审批事项和审查手续整合为一个主题场景：一窗受理、一张表单、集中审批、并联办理、统一出件；符合条件的工业项目“拿地即开工”、四证齐发。':
    '68 approval items and review steps of 14 departments in one theme: one window, one combined form, central ' +
    'approval, parallel review and unified issuance; eligible industrial projects start building once they have ' +
    'the land, with the four certificates issued together.',
  立项用地规划许可: 'Project & land-use planning',
  工程建设许可: 'Construction planning',
  施工许可: 'Construction permit',
  竣工验收: 'Completion acceptance',
  拿地即开工: 'Build on land acquisition',
  '拿地即开工（四证齐发）': 'Build on land acquisition (four certificates together)',
  '工业项目带方案出让，企业自愿申请并作出承诺；属地镇街提前介入方案，签订土地出让合同后规划、用地、施工许可并联办理，四证齐发。':
    'Industrial land sold with a design scheme; the enterprise applies voluntarily and makes a commitment; the ' +
    'town reviews the scheme early, and once the land contract is signed the planning, land-use and construction ' +
    'permits run in parallel and the four certificates are issued together.',
  小型社会投资项目: 'Small social-investment project',
  '社会投资小型项目带方案出让：不再单独审查设计方案，工程建设许可与施工许可合并办理。':
    'Small social-investment projects on land sold with a scheme: no separate design review; the construction ' +
    'planning and construction permits are handled together.',
  '工程建设许可和施工许可（合并）': 'Construction planning and construction permit (merged)',
  一般项目: 'Standard project',
  '按立项用地规划许可、工程建设许可、施工许可、竣工验收四个阶段办理，阶段内并联审批。':
    'Four stages — project & land-use planning, construction planning, construction permit, completion ' +
    'acceptance — with parallel review inside each stage.',
}

/** The text in the current language: the English name of seeded content in English mode, else as stored. */
export function contentText(text: string): string
export function contentText(text: string | null | undefined): string | null | undefined
export function contentText(text: string | null | undefined) {
  if (!text || !i18n.language.startsWith('en')) return text
  return CONTENT_EN[text] ?? text
}

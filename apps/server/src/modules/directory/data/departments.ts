/**
 * Seed departments of Muping District: the approval bureau, the construction-approval departments, 12345 handling
 * units, one office per town or street, and utilities. Names follow the units' official forms (牟平区… for district
 * bodies, 烟台市…牟平分局 for city-managed branches). The utilities' company names are plausible, not verified:
 * confirm the whole list with the district before go-live.
 */

export type DepartmentKind = 'approval_bureau' | 'department' | 'handling_unit' | 'town_office' | 'centre' | 'utility'

export interface Department {
  /** Short stable ASCII code, referenced by other seed data and by configuration. */
  code: string
  name: string
  shortName: string
  kind: DepartmentKind
  /** '370612' for district bodies, the 9-digit town code for town offices. */
  divisionCode: string
  /** Takes part in parallel approval of construction projects. */
  constructionApproval: boolean
}

const DISTRICT_CODE = '370612'

function district(
  code: string,
  name: string,
  shortName: string,
  kind: DepartmentKind,
  opts: { constructionApproval?: boolean } = {},
): Department {
  return {
    code,
    name,
    shortName,
    kind,
    divisionCode: DISTRICT_CODE,
    constructionApproval: opts.constructionApproval ?? false,
  }
}

// Streets are run by a 街道办事处, towns by a 镇人民政府; the code reuses the last 3 digits of the town code.
function townOffice(suffix: string, townName: string): Department {
  const name = townName.endsWith('街道') ? `${townName}办事处` : `${townName}人民政府`
  return {
    code: `MP-T${suffix}`,
    name,
    shortName: townName,
    kind: 'town_office',
    divisionCode: DISTRICT_CODE + suffix,
    constructionApproval: false,
  }
}

export const departments: readonly Department[] = [
  // The one window: accepts applications for every department (一窗受理).
  district('MP-XSP', '牟平区行政审批服务局', '审批局', 'approval_bureau'),
  // Parallel approval of construction projects (工程建设项目审批): the 14 units that issue opinions or permits.
  district('MP-FGJ', '牟平区发展和改革局', '发改局', 'department', { constructionApproval: true }),
  district('MP-ZRJ', '烟台市自然资源和规划局牟平分局', '自然资源分局', 'department', { constructionApproval: true }),
  district('MP-ZJJ', '牟平区住房和城乡建设局', '住建局', 'department', { constructionApproval: true }),
  district('MP-HBJ', '烟台市生态环境局牟平分局', '生态环境分局', 'department', { constructionApproval: true }),
  district('MP-SWJ', '牟平区水务局', '水务局', 'department', { constructionApproval: true }),
  district('MP-JTJ', '牟平区交通运输局', '交通局', 'department', { constructionApproval: true }),
  district('MP-YJJ', '牟平区应急管理局', '应急局', 'department', { constructionApproval: true }),
  district('MP-RFB', '牟平区人民防空办公室', '人防办', 'department', { constructionApproval: true }),
  district('MP-WLJ', '牟平区文化和旅游局', '文旅局', 'department', { constructionApproval: true }),
  district('MP-QXJ', '烟台市牟平区气象局', '气象局', 'department', { constructionApproval: true }),
  district('MP-CGJ', '牟平区城市管理局', '城管局', 'department', { constructionApproval: true }),
  district('MP-XFD', '烟台市牟平区消防救援大队', '消防大队', 'department', { constructionApproval: true }),
  district('MP-DAG', '牟平区档案馆', '档案馆', 'department', { constructionApproval: true }),
  district('MP-GDG', '国网烟台市牟平区供电公司', '供电公司', 'utility', { constructionApproval: true }),
  // Hotline and trading centres.
  district('MP-RXB', '牟平区政务服务热线办公室', '热线办', 'centre'),
  district('MP-JYZ', '牟平区公共资源交易中心', '交易中心', 'centre'),
  // 12345 handling units (承办单位); the construction departments above take work orders too.
  district('MP-SCJ', '牟平区市场监督管理局', '市场监管局', 'handling_unit'),
  district('MP-GAJ', '烟台市公安局牟平分局', '公安分局', 'handling_unit'),
  district('MP-JYJ', '牟平区教育和体育局', '教体局', 'handling_unit'),
  district('MP-WJJ', '牟平区卫生健康局', '卫健局', 'handling_unit'),
  district('MP-RSJ', '牟平区人力资源和社会保障局', '人社局', 'handling_unit'),
  district('MP-MZJ', '牟平区民政局', '民政局', 'handling_unit'),
  district('MP-NYJ', '牟平区农业农村局', '农业农村局', 'handling_unit'),
  district('MP-YBJ', '牟平区医疗保障局', '医保局', 'handling_unit'),
  district('MP-TYJ', '牟平区退役军人事务局', '退役军人局', 'handling_unit'),
  district('MP-SFJ', '牟平区司法局', '司法局', 'handling_unit'),
  district('MP-CZJ', '牟平区财政局', '财政局', 'handling_unit'),
  district('MP-GXJ', '牟平区工业和信息化局', '工信局', 'handling_unit'),
  district('MP-KJJ', '牟平区科学技术局', '科技局', 'handling_unit'),
  district('MP-HYJ', '牟平区海洋发展和渔业局', '海洋渔业局', 'handling_unit'),
  district('MP-SWZ', '国家税务总局烟台市牟平区税务局', '税务局', 'handling_unit'),
  district('MP-GJJ', '烟台市住房公积金管理中心牟平管理部', '公积金', 'handling_unit'),
  district('MP-XFJ', '牟平区信访局', '信访局', 'handling_unit'),
  district('MP-CLH', '牟平区残疾人联合会', '残联', 'handling_unit'),
  // One office per township-level unit; divisionCode is the 9-digit NBS code (divisions-370612.json).
  townOffice('001', '宁海街道'),
  townOffice('002', '文化街道'),
  townOffice('004', '武宁街道'),
  townOffice('005', '大窑街道'),
  townOffice('006', '姜格庄街道'),
  townOffice('101', '观水镇'),
  townOffice('105', '龙泉镇'),
  townOffice('106', '玉林店镇'),
  townOffice('107', '水道镇'),
  townOffice('109', '高陵镇'),
  townOffice('110', '王格庄镇'),
  townOffice('111', '昆嵛镇'),
  townOffice('112', '莒格庄镇'),
  // Utilities that issue connection opinions and take 12345 work orders.
  district('MP-GSG', '烟台市牟平区自来水公司', '自来水公司', 'utility'),
  district('MP-RQG', '烟台市牟平区燃气有限公司', '燃气公司', 'utility'),
  district('MP-RLG', '烟台市牟平区热力有限公司', '热力公司', 'utility'),
]

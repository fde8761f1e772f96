/**
 * Demo accounts, one per role, created only in demo mode (RUYU_DEMO, on by default outside production).
 * They share the demo password (RUYU_DEMO_PASSWORD, default Ruyu@2026). Department codes refer to
 * modules/directory/data/departments.ts.
 */
export interface DemoAccount {
  username: string
  displayName: string
  kind: 'staff' | 'enterprise' | 'citizen'
  role: string
  scopeDivisionCode: string
  departmentCode?: string
  mobile?: string
  enterpriseUscc?: string
}

// One approver for each construction-approval department besides 住建 (`reviewer`), and one in the approval bureau
// (it handles 差评 rectifications of theme cases): username = the department's short code.
const DEPARTMENT_REVIEWERS: readonly [string, string, string][] = [
  ['fgj', 'MP-FGJ', '发改局审批员 高峰'],
  ['zrj', 'MP-ZRJ', '自然资源分局审批员 于洋'],
  ['hbj', 'MP-HBJ', '生态环境分局审批员 林静'],
  ['swj', 'MP-SWJ', '水务局审批员 曲波'],
  ['jtj', 'MP-JTJ', '交通局审批员 姜涛'],
  ['yjj', 'MP-YJJ', '应急局审批员 邹明'],
  ['rfb', 'MP-RFB', '人防办审批员 初晓'],
  ['wlj', 'MP-WLJ', '文旅局审批员 宫丽'],
  ['qxj', 'MP-QXJ', '气象局审批员 战强'],
  ['cgj', 'MP-CGJ', '城管局审批员 鞠伟'],
  ['xfd', 'MP-XFD', '消防大队审批员 滕飞'],
  ['dag', 'MP-DAG', '档案馆审批员 隋红'],
  ['gdg', 'MP-GDG', '供电公司审批员 栾刚'],
  ['xsp', 'MP-XSP', '审批局审批员 衣敏'],
]

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    kind: 'staff',
    role: 'admin',
    scopeDivisionCode: '370612',
    departmentCode: 'MP-XSP',
    mobile: '13905350001',
  },
  {
    username: 'leader',
    displayName: '区领导（演示）',
    kind: 'staff',
    role: 'district_leader',
    scopeDivisionCode: '370612',
    mobile: '13905350002',
  },
  {
    username: 'window',
    displayName: '综合窗口 王敏',
    kind: 'staff',
    role: 'window_clerk',
    scopeDivisionCode: '370612',
    departmentCode: 'MP-XSP',
    mobile: '13905350003',
  },
  {
    username: 'reviewer',
    displayName: '住建局审批员 李强',
    kind: 'staff',
    role: 'dept_reviewer',
    scopeDivisionCode: '370612',
    departmentCode: 'MP-ZJJ',
    mobile: '13905350004',
  },
  {
    username: 'yulindian',
    displayName: '玉林店镇便民服务中心 张伟',
    kind: 'staff',
    role: 'town_clerk',
    scopeDivisionCode: '370612106',
    departmentCode: 'MP-T106',
    mobile: '13905350005',
  },
  {
    username: 'ninghai',
    displayName: '宁海街道便民服务中心 刘洋',
    kind: 'staff',
    role: 'town_clerk',
    scopeDivisionCode: '370612001',
    departmentCode: 'MP-T001',
    mobile: '13905350006',
  },
  {
    username: 'agent',
    displayName: '山后村帮办代办员 赵芳',
    kind: 'staff',
    role: 'village_agent',
    scopeDivisionCode: '370612106201',
    departmentCode: 'MP-T106',
    mobile: '13905350007',
  },
  {
    username: 'operator',
    displayName: '12345话务员 陈静',
    kind: 'staff',
    role: 'hotline_operator',
    scopeDivisionCode: '370612',
    departmentCode: 'MP-RXB',
    mobile: '13905350008',
  },
  {
    username: 'unit',
    displayName: '市场监管局承办人 孙磊',
    kind: 'staff',
    role: 'handling_unit',
    scopeDivisionCode: '370612',
    departmentCode: 'MP-SCJ',
    mobile: '13905350009',
  },
  {
    username: 'wenhua',
    displayName: '文化街道办事处承办人 王芳',
    kind: 'staff',
    role: 'handling_unit',
    scopeDivisionCode: '370612002',
    departmentCode: 'MP-T002',
    mobile: '13905350013',
  },
  {
    username: 'inspector',
    displayName: '消防检查员 周涛',
    kind: 'staff',
    role: 'inspector',
    scopeDivisionCode: '370612',
    departmentCode: 'MP-XFD',
    mobile: '13905350010',
  },
  {
    username: 'enterprise',
    displayName: '烟台如鱼生物科技有限公司',
    kind: 'enterprise',
    role: 'enterprise_user',
    scopeDivisionCode: '370612',
    mobile: '13905350011',
    enterpriseUscc: '91370612MA3C12346J',
  },
  {
    username: 'citizen',
    displayName: '居民 吴刚',
    kind: 'citizen',
    role: 'citizen',
    scopeDivisionCode: '370612',
    mobile: '13905350012',
  },
  // Enterprise service cloud (issue #5): a second enterprise for isolation tests, and provider staff who act
  // through posts on the provider org units seeded by the enterprise module (MP-PRV-*).
  {
    username: 'enterprise2',
    displayName: '烟台鲁味海洋食品有限公司',
    kind: 'enterprise',
    role: 'enterprise_user',
    scopeDivisionCode: '370612',
    mobile: '13905350301',
    enterpriseUscc: '91370612MA3D8K5W6A',
  },
  {
    username: 'bank',
    displayName: '农商银行牟平支行客户经理 姜丽',
    kind: 'staff',
    role: 'service_provider',
    scopeDivisionCode: '370612',
    departmentCode: 'MP-PRV-RCB',
    mobile: '13905350302',
  },
  {
    username: 'lawfirm',
    displayName: '昆嵛律师事务所律师 孙建国',
    kind: 'staff',
    role: 'service_provider',
    scopeDivisionCode: '370612',
    departmentCode: 'MP-PRV-LAW',
    mobile: '13905350303',
  },
  // Policy staff (政策专员) of two issuing departments: they publish policies and answer policy questions (issue #5).
  {
    username: 'gxj',
    displayName: '工信局政策专员 曲晓东',
    kind: 'staff',
    role: 'policy_officer',
    scopeDivisionCode: '370612',
    departmentCode: 'MP-GXJ',
    mobile: '13905350201',
  },
  {
    username: 'kjj',
    displayName: '科技局政策专员 王海燕',
    kind: 'staff',
    role: 'policy_officer',
    scopeDivisionCode: '370612',
    departmentCode: 'MP-KJJ',
    mobile: '13905350202',
  },
  ...DEPARTMENT_REVIEWERS.map(([username, departmentCode, displayName], i) => ({
    username,
    displayName,
    kind: 'staff' as const,
    role: 'dept_reviewer',
    scopeDivisionCode: '370612',
    departmentCode,
    mobile: `139053501${String(i + 10).padStart(2, '0')}`,
  })),
]

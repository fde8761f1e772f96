import type { ThemeInput } from '@ruyu/contracts/catalog'
import { field } from './fields.ts'
import { items } from './items.ts'

/**
 * The construction theme (工程建设项目主题审批场景): 立项+规划+施工+竣工 as one scenario, one window, one form, the
 * departments approving in parallel inside each stage (DOMAIN.md §3.1 and the seed report).
 *
 * Variants, tried in order:
 * - 拿地即开工 (Muping's plan of Sept 2021): industrial projects whose land is sold with a design scheme; planning,
 *   land and construction approvals run together once the land contract is signed and the four certificates are
 *   issued together (四证齐发); target 5 working days from the land contract to the planning permit.
 * - 小型社会投资项目: social investment below a threshold with land sold with a scheme; the design review is dropped
 *   and stages 2 and 3 merge. The threshold (5,000 万元 here) is local practice [S]: it is data, change it in the
 *   theme editor.
 * - 一般项目: everything else, four stages.
 */

export type SeedTheme = Omit<ThemeInput, 'baseVersion' | 'changeNote'> & { code: string }

const stageItems = (stage: number) => items.filter((i) => i.stage === stage).map((i) => i.code)

// Government-investment steps do not apply to projects that by definition are enterprise or social investment.
const GOVERNMENT_ONLY = ['MP-JS-0103', 'MP-JS-0104', 'MP-JS-0204']
const DESIGN_REVIEW = 'MP-JS-0201'

export const constructionTheme: SeedTheme = {
  code: 'MP-THEME-CONSTRUCTION',
  name: '工程建设项目主题审批（立项+规划+施工+竣工）',
  description:
    '14个部门68项审批事项和审查手续整合为一个主题场景：一窗受理、一张表单、集中审批、并联办理、统一出件；符合条件的工业项目“拿地即开工”、四证齐发。',
  formFields: [
    field('projectName'),
    field('projectCode', { required: false }),
    field('projectType'),
    field('socialInvestment'),
    field('landGrantWithScheme'),
    field('divisionCode'),
    field('address'),
    field('landAreaMu'),
    field('floorAreaM2'),
    field('investmentWan'),
    field('builder'),
    field('builderUscc'),
    field('contactName'),
    field('contactPhone'),
  ],
  stages: [
    { no: 1, name: '立项用地规划许可', itemCodes: stageItems(1) },
    { no: 2, name: '工程建设许可', itemCodes: stageItems(2) },
    { no: 3, name: '施工许可', itemCodes: stageItems(3) },
    { no: 4, name: '竣工验收', itemCodes: stageItems(4) },
  ],
  variants: [
    {
      key: 'land-to-build',
      name: '拿地即开工',
      description:
        '工业项目带方案出让，企业自愿申请并作出承诺；属地镇街提前介入方案，签订土地出让合同后规划、用地、施工许可并联办理，四证齐发。',
      rule: {
        all: [
          { field: 'projectType', eq: 'industrial' },
          { field: 'landGrantWithScheme', eq: true },
        ],
      },
      stageMap: { '1': 1, '2': 1, '3': 1, '4': 2 },
      stageNames: { '1': '拿地即开工（四证齐发）', '2': '竣工验收' },
      omitItems: [DESIGN_REVIEW, ...GOVERNMENT_ONLY],
      targetDays: 5,
    },
    {
      key: 'small-social',
      name: '小型社会投资项目',
      description: '社会投资小型项目带方案出让：不再单独审查设计方案，工程建设许可与施工许可合并办理。',
      rule: {
        all: [
          { field: 'socialInvestment', eq: true },
          { field: 'investmentWan', lt: 5000 },
          { field: 'landGrantWithScheme', eq: true },
        ],
      },
      stageMap: { '1': 1, '2': 2, '3': 2, '4': 3 },
      stageNames: { '2': '工程建设许可和施工许可（合并）' },
      omitItems: [DESIGN_REVIEW, ...GOVERNMENT_ONLY],
    },
    {
      key: 'standard',
      name: '一般项目',
      description: '按立项用地规划许可、工程建设许可、施工许可、竣工验收四个阶段办理，阶段内并联审批。',
      rule: null,
      stageMap: { '1': 1, '2': 2, '3': 3, '4': 4 },
      omitItems: [],
    },
  ],
}

export const themes: readonly SeedTheme[] = [constructionTheme]

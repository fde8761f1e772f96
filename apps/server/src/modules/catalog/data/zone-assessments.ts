/**
 * Zone assessments (区域评估): the 11 kinds of one template 区域综合评估 scheme (DOMAIN.md §3.1 [S]; Muping's own
 * list is unconfirmed [?], so they are catalogue rows an administrator can change), and the parks whose assessments
 * are done.
 *
 * Cost per mu: what a project would otherwise pay for its own study, 元/亩. The values are estimates chosen so the
 * seed report's figures come out: all 11 kinds sum to 6,270 元/亩, so the 798-mu project that reused them saved
 * 798 × 6,270 ≈ 5.0 M 元 (the report: 约 500 万元); the three surveyed parks (8,463 mu) with the kinds completed below
 * give ≈ 30.9 M 元 (the report: 3,000 万元). Replace them with the district's tender prices when known.
 */

export interface SeedZoneAssessmentKind {
  code: string
  name: string
  description: string
  costPerMuYuan: number
}

export const zoneAssessmentKinds: readonly SeedZoneAssessmentKind[] = [
  {
    code: 'ZA-ENV',
    name: '环境影响评价',
    description: '园区规划环评及区域环境质量现状评价；入园项目环评可简化编制或降低类别',
    costPerMuYuan: 1500,
  },
  {
    code: 'ZA-ENERGY',
    name: '节能评价',
    description: '区域节能评价；入园项目节能报告可引用结论简化编制',
    costPerMuYuan: 300,
  },
  {
    code: 'ZA-SEISMIC',
    name: '地震安全性评价',
    description: '区域地震安全性评价，确定抗震设防要求；一般项目不再单独评价',
    costPerMuYuan: 550,
  },
  {
    code: 'ZA-GEOHAZARD',
    name: '地质灾害危险性评估',
    description: '区域地质灾害危险性评估；低易发区内项目不再单独评估',
    costPerMuYuan: 450,
  },
  {
    code: 'ZA-MINERAL',
    name: '压覆重要矿产资源评估',
    description: '查明区域内是否压覆重要矿产资源；未压覆的入园项目免予单独评估',
    costPerMuYuan: 250,
  },
  {
    code: 'ZA-SOIL-WATER',
    name: '水土保持评价',
    description: '区域水土保持方案；入园项目可编制水土保持承诺表',
    costPerMuYuan: 600,
  },
  {
    code: 'ZA-FLOOD',
    name: '防洪影响评价',
    description: '区域洪水影响评价；涉河项目仍需单独审批',
    costPerMuYuan: 350,
  },
  {
    code: 'ZA-WATER',
    name: '水资源论证',
    description: '区域水资源论证；入园项目取水许可可编制水资源论证表',
    costPerMuYuan: 350,
  },
  {
    code: 'ZA-RELICS',
    name: '文物影响评估',
    description: '区域考古调查勘探及文物影响评估；未发现文物遗存的地块入园项目不再单独勘探',
    costPerMuYuan: 1200,
  },
  {
    code: 'ZA-TRAFFIC',
    name: '交通影响评价',
    description: '区域交通影响评价；入园项目交通影响评价可简化',
    costPerMuYuan: 450,
  },
  {
    code: 'ZA-LIGHTNING',
    name: '雷电灾害风险评估',
    description: '区域雷电灾害风险评估；入园项目雷电防护装置设计审核时免予提交单项评估',
    costPerMuYuan: 270,
  },
]

export interface SeedPark {
  code: string
  name: string
  /** 9-digit NBS town code (modules/directory/data/divisions-370612.json). */
  divisionCode: string
  areaMu: number
  assessments: { kindCode: string; reportNo: string; completedOn: string }[]
}

// Report numbers follow an internal register format (牟区评 + year + kind + sequence); they are placeholders, as are
// the towns the parks are filed under and the split of the surveyed 8,463 mu between the three parks [?].
const done = (kindCode: string, reportNo: string, completedOn: string) => ({ kindCode, reportNo, completedOn })

export const parks: readonly SeedPark[] = [
  {
    code: 'MP-PARK-LSC',
    name: '牟平新城·国际生命科学城',
    // The park straddles several streets; it is filed under 大窑街道 [?].
    divisionCode: '370612005',
    areaMu: 5320,
    assessments: [
      done('ZA-ENV', '牟区评〔2021〕HJ-01号', '2021-11-18'),
      done('ZA-ENERGY', '牟区评〔2021〕JN-01号', '2021-11-25'),
      done('ZA-SEISMIC', '牟区评〔2021〕DZ-01号', '2021-12-06'),
      done('ZA-GEOHAZARD', '牟区评〔2021〕DZH-01号', '2021-12-06'),
      done('ZA-MINERAL', '牟区评〔2021〕YF-01号', '2021-12-10'),
      done('ZA-SOIL-WATER', '牟区评〔2021〕SB-01号', '2021-12-15'),
      done('ZA-FLOOD', '牟区评〔2022〕FH-01号', '2022-01-12'),
      done('ZA-WATER', '牟区评〔2022〕SZY-01号', '2022-01-12'),
      done('ZA-RELICS', '牟区评〔2022〕WW-01号', '2022-02-21'),
      done('ZA-TRAFFIC', '牟区评〔2022〕JT-01号', '2022-03-08'),
      done('ZA-LIGHTNING', '牟区评〔2022〕LD-01号', '2022-03-08'),
    ],
  },
  {
    code: 'MP-PARK-QS',
    name: '沁水工业园',
    divisionCode: '370612002',
    areaMu: 3612,
    assessments: [
      done('ZA-ENV', '牟区评〔2022〕HJ-02号', '2022-06-20'),
      done('ZA-ENERGY', '牟区评〔2022〕JN-02号', '2022-06-28'),
      done('ZA-GEOHAZARD', '牟区评〔2022〕DZH-02号', '2022-07-05'),
      done('ZA-SOIL-WATER', '牟区评〔2022〕SB-02号', '2022-07-15'),
      done('ZA-FLOOD', '牟区评〔2022〕FH-02号', '2022-08-02'),
      done('ZA-RELICS', '牟区评〔2022〕WW-02号', '2022-09-16'),
    ],
  },
  {
    code: 'MP-PARK-TW',
    name: '台湾工业园',
    divisionCode: '370612004',
    areaMu: 2856,
    assessments: [
      done('ZA-ENV', '牟区评〔2022〕HJ-03号', '2022-10-11'),
      done('ZA-ENERGY', '牟区评〔2022〕JN-03号', '2022-10-11'),
      done('ZA-SOIL-WATER', '牟区评〔2022〕SB-03号', '2022-10-27'),
      done('ZA-RELICS', '牟区评〔2022〕WW-03号', '2022-11-30'),
    ],
  },
  {
    code: 'MP-PARK-SME',
    name: '中小企业园',
    divisionCode: '370612001',
    areaMu: 1995,
    assessments: [
      done('ZA-ENERGY', '牟区评〔2023〕JN-01号', '2023-03-14'),
      done('ZA-SOIL-WATER', '牟区评〔2023〕SB-01号', '2023-03-29'),
      done('ZA-RELICS', '牟区评〔2023〕WW-01号', '2023-04-18'),
      done('ZA-LIGHTNING', '牟区评〔2023〕LD-01号', '2023-04-18'),
    ],
  },
]

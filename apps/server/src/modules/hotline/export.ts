import type { StatsResult, StatsRow } from '@ruyu/contracts/hotline'
import ExcelJS from 'exceljs'

const GROUP_NAMES = { unit: '承办单位', town: '镇街', category: '诉求分类', month: '月份' } as const

const COLUMNS: { key: keyof StatsRow; header: string; width: number; rate?: boolean }[] = [
  { key: 'total', header: '受理量', width: 10 },
  { key: 'dispatched', header: '派单量', width: 10 },
  { key: 'closed', header: '办结量', width: 10 },
  { key: 'closedOnTime', header: '按期办结量', width: 12 },
  { key: 'respondedOnTime', header: '按时签收量', width: 12 },
  { key: 'followedUp', header: '回访量', width: 10 },
  { key: 'validFollowups', header: '有效回访量', width: 12 },
  { key: 'satisfied', header: '满意', width: 8 },
  { key: 'basicallySatisfied', header: '基本满意', width: 10 },
  { key: 'unsatisfied', header: '不满意', width: 8 },
  { key: 'unreachable', header: '联系不上', width: 10 },
  { key: 'solved', header: '已解决', width: 8 },
  { key: 'closeRate', header: '办结率', width: 10, rate: true },
  { key: 'onTimeRate', header: '按期办结率', width: 12, rate: true },
  { key: 'responseRate', header: '响应率', width: 10, rate: true },
  { key: 'followupRate', header: '回访率', width: 10, rate: true },
  { key: 'solveRate', header: '解决率', width: 10, rate: true },
  { key: 'satisfactionRate', header: '满意率', width: 10, rate: true },
]

/** The statistics as a real .xlsx workbook (exceljs): one sheet of rows + total, one sheet of formulas. */
export async function statsWorkbook(stats: StatsResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '如鱼政务服务平台'
  wb.created = new Date()
  const ws = wb.addWorksheet('工单统计')
  ws.columns = [
    { header: GROUP_NAMES[stats.groupBy], key: 'name', width: 28 },
    ...COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width })),
  ]
  ws.getRow(1).font = { bold: true }
  for (const row of [...stats.rows, stats.overall]) {
    const added = ws.addRow({ ...row, name: row.name })
    if (row === stats.overall) added.font = { bold: true }
  }
  for (const c of COLUMNS.filter((x) => x.rate)) ws.getColumn(c.key).numFmt = '0.00%'
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  const info = wb.addWorksheet('口径说明')
  info.columns = [
    { header: '指标', key: 'k', width: 16 },
    { header: '计算口径', key: 'v', width: 90 },
  ]
  info.addRow({ k: '统计期', v: `${stats.from} 至 ${stats.to}（按受理时间）` })
  for (const [k, v] of Object.entries(stats.formulas))
    info.addRow({ k: COLUMNS.find((c) => c.key === k)?.header ?? k, v })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

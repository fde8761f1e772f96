import type { StatsRate, StatsResult, StatsRow } from '@ruyu/contracts/hotline'
import ExcelJS from 'exceljs'
import { conventionLines, RATE_PARTS } from './stats.ts'

const GROUP_NAMES = { unit: '承办单位', town: '镇街', category: '诉求分类', month: '月份' } as const

const COUNTS: { key: keyof StatsRow; header: string }[] = [
  { key: 'total', header: '受理量' },
  { key: 'dispatched', header: '派单量' },
  { key: 'declined', header: '不予受理' },
  { key: 'satisfied', header: '满意' },
  { key: 'basicallySatisfied', header: '基本满意' },
  { key: 'unsatisfied', header: '不满意' },
  { key: 'unreachable', header: '联系不上' },
]

/**
 * The statistics as a real .xlsx workbook (exceljs): one sheet of rows and the total, with the numerator and the
 * denominator next to every rate so each can be recomputed; one sheet with the conventions, formulas and rounding.
 */
export async function statsWorkbook(stats: StatsResult): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '如鱼政务服务平台'
  wb.created = new Date()
  const ws = wb.addWorksheet('工单统计')
  const rateCols = (Object.entries(RATE_PARTS) as [StatsRate, (typeof RATE_PARTS)[StatsRate]][]).flatMap(([k, p]) => [
    { header: `${p.name} 分子：${p.numerator}`, key: `${k}.n`, width: 14 },
    { header: `${p.name} 分母：${p.denominator}`, key: `${k}.d`, width: 14 },
    { header: p.name, key: k, width: 11, rate: true },
  ])
  ws.columns = [
    { header: GROUP_NAMES[stats.groupBy], key: 'name', width: 28 },
    ...COUNTS.map((c) => ({ header: c.header, key: c.key, width: 10 })),
    ...rateCols.map((c) => ({ header: c.header, key: c.key, width: c.width })),
  ]
  ws.getRow(1).font = { bold: true }
  ws.getRow(1).alignment = { wrapText: true, vertical: 'middle' }
  for (const row of [...stats.rows, stats.overall]) {
    const values: Record<string, unknown> = { name: row.name }
    for (const c of COUNTS) values[c.key] = row[c.key]
    for (const k of Object.keys(RATE_PARTS) as StatsRate[]) {
      values[`${k}.n`] = row.fractions[k].numerator
      values[`${k}.d`] = row.fractions[k].denominator
      values[k] = row[k]
    }
    const added = ws.addRow(values)
    if (row === stats.overall) added.font = { bold: true }
  }
  // The cell holds the rounded rate (4 decimals); the format shows it as a percentage with 2 decimals.
  for (const c of rateCols.filter((x) => x.rate)) ws.getColumn(c.key).numFmt = '0.00%'
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }]

  const info = wb.addWorksheet('口径说明')
  info.columns = [
    { header: '项目', key: 'k', width: 18 },
    { header: '说明', key: 'v', width: 110 },
  ]
  info.getRow(1).font = { bold: true }
  info.addRow({ k: '统计期', v: `${stats.from} 至 ${stats.to}（含首尾两天，中国标准时间）` })
  info.addRow({ k: '取整规则', v: stats.rounding })
  for (const [k, v] of conventionLines(stats.settings)) info.addRow({ k, v })
  for (const [k, v] of Object.entries(stats.formulas)) info.addRow({ k: RATE_PARTS[k as StatsRate]?.name ?? k, v })
  info.getColumn('v').alignment = { wrapText: true }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

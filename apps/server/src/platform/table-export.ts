import ExcelJS from 'exceljs'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { recordAudit } from './audit.ts'
import type { Lang } from './http/error-handler.ts'

/**
 * Worklists exported to Excel (.xlsx) with the same filters and the same authorization as the list they come from:
 * each module's export route pages through its own list use case, so a row the caller may not see in the list is
 * never in the file. Values are display text (names, localised labels, China Standard Time), never state keys.
 */

/** Upper bound of rows in one file: a larger selection is cut here and says so in its last row. */
export const EXPORT_MAX_ROWS = 10_000

export interface ExportColumn<T> {
  header: Record<Lang, string>
  width?: number
  value: (row: T, lang: Lang) => string | number | null | undefined
}

/** Every item of a paged list use case, page by page, up to `max` (truncated says whether more were left). */
export async function collectPages<T>(
  fetchPage: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>,
  max = EXPORT_MAX_ROWS,
): Promise<{ items: T[]; total: number; truncated: boolean }> {
  const pageSize = 200
  const items: T[] = []
  let total = 0
  for (let page = 1; items.length < max; page += 1) {
    const result = await fetchPage(page, pageSize)
    total = result.total
    items.push(...result.items)
    if (result.items.length < pageSize || items.length >= total) break
  }
  return { items: items.slice(0, max), total, truncated: total > max }
}

/** `2026-03-04T01:30:00Z` → `2026-03-04 09:30` (China Standard Time, as every page shows it). */
export function cstDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000)
  return d.toISOString().slice(0, 16).replace('T', ' ')
}

/** Spreadsheet programs run cells that start with = + - @ as formulas: such text is stored with a leading quote. */
function safe(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return value
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

const TRUNCATED: Record<Lang, (max: number, total: number) => string> = {
  zh: (max, total) => `（共 ${total} 条，仅导出前 ${max} 条，请缩小筛选范围）`,
  en: (max, total) => `(${total} rows; only the first ${max} exported: narrow the filters)`,
}

/** One sheet: bold frozen header row, then the rows. */
export async function tableWorkbook<T>(
  sheetName: string,
  columns: ExportColumn<T>[],
  rows: { items: T[]; total: number; truncated: boolean },
  lang: Lang,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Ruyu'
  wb.created = new Date()
  const ws = wb.addWorksheet(sheetName)
  ws.columns = columns.map((c, i) => ({ header: c.header[lang], key: String(i), width: c.width ?? 16 }))
  ws.getRow(1).font = { bold: true }
  ws.views = [{ state: 'frozen', ySplit: 1 }]
  for (const item of rows.items) ws.addRow(columns.map((c) => safe(c.value(item, lang))))
  if (rows.truncated) ws.addRow([TRUNCATED[lang](rows.items.length, rows.total)])
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** Sends a workbook as a download: an ASCII file name plus the localised one (RFC 6266 / 5987). */
/**
 * Records the export in the audit trail (who took which list, with which filters, how many rows), then sends the
 * file. Personal data leaving the platform in bulk is an event the audit must show (个人信息保护法 art. 51).
 */
export async function sendWorkbook(
  req: FastifyRequest,
  reply: FastifyReply,
  buf: Buffer,
  file: { ascii: string; name: string; resource: string; rows: number; filters?: unknown },
): Promise<FastifyReply> {
  await req.server.platform.db.tx((tx) =>
    recordAudit(tx, {
      actor: req.actor,
      action: 'export',
      resourceType: file.resource,
      requestId: req.id,
      data: { rows: file.rows, filters: JSON.parse(JSON.stringify(file.filters ?? {})) },
    }),
  )
  const day = cstDateTime(new Date().toISOString()).slice(0, 10)
  const ascii = file.ascii.endsWith('.xlsx') ? file.ascii : `${file.ascii}-${day}.xlsx`
  const name = file.name.endsWith('.xlsx') ? file.name : `${file.name}_${day}.xlsx`
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'private, no-store')
    .send(buf)
}

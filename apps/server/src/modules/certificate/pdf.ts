/// <reference path="./subset-font.d.ts" />
import fs from 'node:fs/promises'
import path from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import {
  type Color,
  degrees,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setCharacterSpacing,
  setLineWidth,
  setStrokingColor,
  setTextRenderingMode,
  TextRenderingMode,
} from 'pdf-lib'
import subsetFont from 'subset-font'
import { type PdfSeal, writePdfSeal } from './offline.ts'
import { qrCode, SEAL, seal } from './pdf-marks.ts'

// A4 certificate: 中华人民共和国 + title, number, legal basis, a table of the holder and fields, issuing authority and
// date under a red seal drawn in vectors, the verification QR code bottom right, and the signature in small print.
// The CJK font is the committed GB 2312 subset of Noto Sans SC (assets/build-font.ts), subset again per PDF to the
// characters it prints and embedded with `subset: false` (pdf-lib's own subsetting breaks CJK fonts, STACK.md).

export const FONT_FILE = path.join(import.meta.dirname, 'assets', 'noto-sans-sc-gb2312.ttf')

let fontBytes: Promise<Buffer> | undefined
/** The committed font, read once per process. */
export function baseFont(): Promise<Buffer> {
  fontBytes ??= fs.readFile(FONT_FILE)
  return fontBytes
}

export interface PdfInput {
  number: string
  title: string
  preamble: string
  holderLabel: string
  holderName: string
  holderUscc: string
  fields: { label: string; value: string }[]
  issuer: string
  /** Printed date, e.g. 2026年05月20日. */
  issuedDate: string
  verifyUrl: string
  /** What the QR code holds: the verification URL, then '#' and the signed claims (compact JWS). */
  qrText: string
  /** Embedded in the document information for offline checks (`ruyu certificate verify`). */
  seal: PdfSeal
  signature: string
  keyId: string
  revoked: boolean
  /** Demo installations print a specimen watermark, so a demo certificate is never mistaken for a real one. */
  demo: boolean
}

const A4: [number, number] = [595.28, 841.89]
const MARGIN = 64
const INK = rgb(0.1, 0.1, 0.12)
const GREY = rgb(0.35, 0.35, 0.38)
const FRAME = rgb(0.55, 0.12, 0.1)
const RULE = rgb(0.55, 0.55, 0.58)
const LABEL_BG = rgb(0.97, 0.95, 0.92)

const CLOSING = new Set('，。、；：？！）》」』】〕,.;:?!)%'.split(''))

/** Breaks text into lines no wider than maxWidth, by character (CJK), keeping closing punctuation on its line. */
export function wrapText(font: PDFFont, text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = []
  for (const para of text.split('\n')) {
    let line = ''
    let width = 0
    for (const ch of para) {
      const w = font.widthOfTextAtSize(ch, size)
      if (line && width + w > maxWidth && !CLOSING.has(ch)) {
        lines.push(line)
        line = ''
        width = 0
      }
      line += ch
      width += w
    }
    lines.push(line)
  }
  return lines
}

interface Ctx {
  doc: PDFDocument
  font: PDFFont
  input: PdfInput
}

function text(page: PDFPage, font: PDFFont, s: string, x: number, y: number, size: number, color: Color = INK) {
  page.drawText(s, { x, y, size, font, color })
}

/** Centred text with extra character spacing and, for titles, a stroked outline as a bold weight. */
function styledCentered(
  page: PDFPage,
  font: PDFFont,
  s: string,
  y: number,
  size: number,
  opts: { spacing?: number; bold?: boolean; color?: Color } = {},
) {
  const spacing = opts.spacing ?? 0
  const color = opts.color ?? INK
  const width = font.widthOfTextAtSize(s, size) + spacing * ([...s].length - 1)
  page.pushOperators(pushGraphicsState(), setCharacterSpacing(spacing))
  if (opts.bold)
    page.pushOperators(
      setTextRenderingMode(TextRenderingMode.FillAndOutline),
      setLineWidth(size / 40),
      setStrokingColor(color),
    )
  page.drawText(s, { x: (page.getWidth() - width) / 2, y, size, font, color })
  page.pushOperators(popGraphicsState())
}

function frame(page: PDFPage) {
  const [w, h] = [page.getWidth(), page.getHeight()]
  page.drawRectangle({ x: 24, y: 24, width: w - 48, height: h - 48, borderColor: FRAME, borderWidth: 2.5 })
  page.drawRectangle({ x: 30, y: 30, width: w - 60, height: h - 60, borderColor: FRAME, borderWidth: 0.7 })
}

function watermarks(ctx: Ctx, page: PDFPage) {
  const { font, input } = ctx
  if (input.demo) {
    const s = '演示样证 不作为正式证照'
    const size = 40
    const w = font.widthOfTextAtSize(s, size)
    page.drawText(s, {
      x: page.getWidth() / 2 - (w / 2) * Math.cos(Math.PI / 6),
      y: page.getHeight() / 2 - (w / 2) * Math.sin(Math.PI / 6),
      size,
      font,
      color: rgb(0.5, 0.5, 0.5),
      opacity: 0.13,
      rotate: degrees(30),
    })
  }
  if (input.revoked) {
    const s = '已注销'
    const size = 90
    const w = font.widthOfTextAtSize(s, size)
    page.drawText(s, {
      x: page.getWidth() / 2 - (w / 2) * Math.cos(Math.PI / 9),
      y: page.getHeight() / 2 + 40 - (w / 2) * Math.sin(Math.PI / 9),
      size,
      font,
      color: SEAL,
      opacity: 0.35,
      rotate: degrees(20),
    })
  }
}

interface Row {
  label: string
  value: string
}

function layoutRow(font: PDFFont, row: Row, size: number, valueWidth: number, labelWidth: number) {
  const lineHeight = size * 1.5
  const valueLines = wrapText(font, row.value, size, valueWidth - 16)
  const labelLines = wrapText(font, row.label, size, labelWidth - 16)
  const height = Math.max(valueLines.length, labelLines.length) * lineHeight + 14
  return { valueLines, labelLines, height, lineHeight }
}

/** The footer (authority, seal, QR code, signature) takes the last page below this height. */
const FOOTER_TOP = 222

/** The verification URL as a person reads it (the QR code keeps the percent-encoded form). */
function displayUrl(url: string): string {
  try {
    return decodeURI(url)
  } catch {
    return url
  }
}

/** Renders one certificate as an A4 PDF. */
export async function renderCertificatePdf(input: PdfInput): Promise<Buffer> {
  const rows: Row[] = [
    { label: input.holderLabel, value: input.holderName },
    { label: '统一社会信用代码', value: input.holderUscc },
    ...input.fields,
  ]
  const fixed = [
    '中华人民共和国',
    '编号：（续页）第页共以下空白',
    '发证机关：',
    '发证日期：',
    '扫码核验',
    '电子证照专用章',
    '演示样证 不作为正式证照',
    '已注销',
    '本证照为电子证照，由如鱼政务服务平台签发，以 Ed25519 数字签名保护。二维码内含签名数据，可凭公布的公钥离线核验；也可扫描二维码或访问以下地址核验真伪：',
    '签名密钥：签名：',
  ].join('')
  const printed = [
    fixed,
    input.number,
    input.title,
    input.preamble,
    input.issuer,
    input.issuedDate,
    input.verifyUrl,
    input.signature,
    input.keyId,
    ...rows.flatMap((r) => [r.label, r.value]),
    '0123456789',
  ].join('')
  const fontSubset = await subsetFont(await baseFont(), [...new Set(printed)].join(''), { targetFormat: 'truetype' })

  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  // locl off: Noto Sans SC's Latin-script localisation swaps ASCII digits for wide forms (rendered spaced out).
  const font = await doc.embedFont(fontSubset, { subset: false, features: { locl: false } })
  doc.setTitle(`${input.title} ${input.number}`)
  doc.setSubject(input.number)
  doc.setAuthor(input.issuer)
  doc.setKeywords([input.number, input.keyId, input.verifyUrl])
  doc.setCreator('如鱼政务服务平台 Ruyu')
  doc.setProducer('Ruyu certificate module (pdf-lib)')
  doc.setLanguage('zh-CN')
  writePdfSeal(doc, input.seal)
  const ctx: Ctx = { doc, font, input }

  const [W, H] = A4
  const newPage = () => {
    const page = doc.addPage(A4)
    frame(page)
    return page
  }

  let page = newPage()
  let y = H - 96
  styledCentered(page, font, '中华人民共和国', y, 18, { spacing: 8 })
  y -= 52
  styledCentered(page, font, input.title, y, 32, { spacing: 5, bold: true, color: FRAME })
  y -= 34
  styledCentered(page, font, `编号：${input.number}`, y, 12)
  y -= 34
  const textWidth = W - 2 * MARGIN
  for (const line of wrapText(font, `\u3000\u3000${input.preamble}`, 10.5, textWidth)) {
    text(page, font, line, MARGIN, y, 10.5, GREY)
    y -= 17
  }
  y -= 8

  /** Heading of a continuation page (续页); returns where content starts. */
  const continuationHeader = (p: PDFPage) => {
    styledCentered(p, font, `${input.title}（续页）编号：${input.number}`, H - 80, 11)
    return H - 104
  }

  // The table: label column, value column; rows flow onto a continuation page when the page is full.
  const labelWidth = 128
  const valueWidth = textWidth - labelWidth
  const size = 11
  let pageNo = 1
  for (const row of rows) {
    const l = layoutRow(font, row, size, valueWidth, labelWidth)
    if (y - l.height < 60) {
      page = newPage()
      pageNo++
      y = continuationHeader(page)
    }
    const top = y
    page.drawRectangle({
      x: MARGIN,
      y: top - l.height,
      width: labelWidth,
      height: l.height,
      color: LABEL_BG,
      borderColor: RULE,
      borderWidth: 0.6,
    })
    page.drawRectangle({
      x: MARGIN + labelWidth,
      y: top - l.height,
      width: valueWidth,
      height: l.height,
      borderColor: RULE,
      borderWidth: 0.6,
    })
    l.labelLines.forEach((line, i) => {
      text(page, font, line, MARGIN + 8, top - 7 - size - i * l.lineHeight + 2, size, GREY)
    })
    l.valueLines.forEach((line, i) => {
      text(page, font, line, MARGIN + labelWidth + 8, top - 7 - size - i * l.lineHeight + 2, size)
    })
    y = top - l.height
  }
  if (y < FOOTER_TOP) {
    text(page, font, '（以下空白）', MARGIN + labelWidth + 8, y - 18, 10, GREY)
    page = newPage()
    pageNo++
    continuationHeader(page)
  }

  // Footer, anchored at the bottom of the last page: the QR code bottom right; left of it the authority and date
  // under the seal; the signature in small print along the bottom.
  // The QR code carries the signed claims too (about 770 characters, version 22 at level M): 110 pt keeps each
  // module near 0.37 mm, which phone cameras read from print.
  const qrSize = 110
  const qrX = W - MARGIN - qrSize
  const qrY = 60
  qrCode(page, input.qrText, qrX, qrY, qrSize)
  const scan = '扫码核验'
  text(page, font, scan, qrX + (qrSize - font.widthOfTextAtSize(scan, 10)) / 2, qrY - 14, 10)

  const issuerLine = `发证机关：${input.issuer}`
  const dateLine = `发证日期：${input.issuedDate}`
  const issuerWidth = Math.max(font.widthOfTextAtSize(issuerLine, 12), font.widthOfTextAtSize(dateLine, 12))
  const issuerX = qrX - 28 - issuerWidth
  const issuerY = FOOTER_TOP - 52
  text(page, font, issuerLine, issuerX, issuerY, 12)
  text(page, font, dateLine, issuerX, issuerY - 22, 12)
  seal(page, font, issuerX + issuerWidth - 52, issuerY - 6, input.issuer)

  const noteWidth = qrX - MARGIN - 20
  let ny = 94
  const small = 7.5
  const note = [
    '本证照为电子证照，由如鱼政务服务平台签发，以 Ed25519 数字签名保护。二维码内含签名数据，可凭公布的公钥离线核验；也可扫描二维码或访问以下地址核验真伪：',
    displayUrl(input.verifyUrl),
    `签名密钥：${input.keyId}`,
    `签名：${input.signature}`,
  ]
  for (const para of note)
    for (const line of wrapText(font, para, small, noteWidth)) {
      text(page, font, line, MARGIN, ny, small, GREY)
      ny -= small * 1.35
    }
  // Watermarks last, so table fills do not hide them.
  for (const p of doc.getPages()) watermarks(ctx, p)
  if (pageNo > 1) {
    const pages = doc.getPages()
    pages.forEach((p, i) => {
      const label = `第 ${i + 1} 页 共 ${pages.length} 页`
      text(p, font, label, W - MARGIN - font.widthOfTextAtSize(label, 8), H - 50, 8, GREY)
    })
  }
  return Buffer.from(await doc.save())
}

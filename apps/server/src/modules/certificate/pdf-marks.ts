/** The marks drawn on an e-certificate besides its text: the round red seal and the verification QR code. */
import { degrees, type PDFFont, type PDFPage, rgb } from 'pdf-lib'
import QRCode from 'qrcode'

/** The seal's red, also used for the watermark. */
export const SEAL = rgb(0.86, 0.08, 0.08)

/** A round red seal: double ring, a five-pointed star, the authority's name along the top arc, a line below. */
export function seal(page: PDFPage, font: PDFFont, cx: number, cy: number, name: string) {
  const r = 52
  const opacity = 0.82
  page.drawCircle({ x: cx, y: cy, size: r, borderColor: SEAL, borderWidth: 2.6, borderOpacity: opacity })
  page.drawCircle({ x: cx, y: cy, size: r - 4, borderColor: SEAL, borderWidth: 0.6, borderOpacity: opacity })
  const star: string[] = []
  for (let i = 0; i < 10; i++) {
    const rad = i % 2 === 0 ? 15 : 6
    const a = -Math.PI / 2 + (i * Math.PI) / 5
    star.push(`${i === 0 ? 'M' : 'L'}${(rad * Math.cos(a)).toFixed(2)} ${(rad * Math.sin(a)).toFixed(2)}`)
  }
  page.drawSvgPath(`${star.join(' ')} Z`, { x: cx, y: cy + 2, color: SEAL, opacity })
  const chars = [...name]
  const size = 10
  const baseline = r - 7 - size * 0.88
  const span = Math.min(210, 24 * chars.length) * (Math.PI / 180)
  chars.forEach((ch, i) => {
    const theta = Math.PI / 2 + span / 2 - (chars.length === 1 ? 0 : (i * span) / (chars.length - 1))
    const w = font.widthOfTextAtSize(ch, size)
    const [ux, uy] = [Math.cos(theta), Math.sin(theta)]
    const [tx, ty] = [Math.sin(theta), -Math.cos(theta)]
    page.drawText(ch, {
      x: cx + baseline * ux - (w / 2) * tx,
      y: cy + baseline * uy - (w / 2) * ty,
      size,
      font,
      color: SEAL,
      opacity,
      rotate: degrees((theta * 180) / Math.PI - 90),
    })
  })
  const sub = '电子证照专用章'
  const subSize = 7.5
  page.drawText(sub, {
    x: cx - font.widthOfTextAtSize(sub, subSize) / 2,
    y: cy - 30,
    size: subSize,
    font,
    color: SEAL,
    opacity,
  })
}

/** The QR code as one vector path (crisp in print), dark modules merged into horizontal runs. */
export function qrCode(page: PDFPage, url: string, x: number, y: number, size: number) {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' })
  const n = qr.modules.size
  const quiet = 2
  const scale = size / (n + 2 * quiet)
  let d = ''
  for (let row = 0; row < n; row++) {
    let col = 0
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < n && qr.modules.get(row, col)) col++
      d += `M${start + quiet} ${row + quiet}h${col - start}v1h-${col - start}z`
    }
  }
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) })
  page.drawSvgPath(d, { x, y: y + size, scale, color: rgb(0, 0, 0), borderWidth: 0 })
}

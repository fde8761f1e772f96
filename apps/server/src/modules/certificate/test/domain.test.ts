import { generateKeyPairSync } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fontkit from '@pdf-lib/fontkit'
import { CERTIFICATE_KIND_SPECS, CERTIFICATE_KINDS } from '@ruyu/contracts/certificate'
import { describe, expect, it } from 'vitest'
import { formatDocNumber, validateDocPattern } from '../../../platform/doc-number.ts'
import {
  CERTIFICATE_SERIES,
  canonicalData,
  chineseDate,
  ISSUER,
  PREAMBLE,
  payloadIssues,
  type SignedData,
  signatureToken,
  tokenMatches,
  verificationOutcome,
  verifyPath,
} from '../domain.ts'
import { generateSigningKey, loadMasterKey, openPrivateKey, signText, verifyText } from '../keys.ts'
import { FONT_FILE } from '../pdf.ts'

const data: SignedData = {
  number: '地字第370612202600001号',
  kind: 'land_use_planning',
  title: '建设用地规划许可证',
  holder: '烟台如鱼生物科技有限公司',
  holderUscc: '91370612MA3C12346J',
  payload: {
    projectName: '如鱼生物医药产业化基地项目',
    location: '玉林店镇',
    landArea: '1 平方米',
    landUse: '工业用地',
  },
  issuedAt: '2026-05-20T02:30:00.000Z',
  divisionCode: '370612106',
  issuer: ISSUER,
}

describe('canonical data and signature', () => {
  it('does not depend on the order of keys, and changes with any signed value', () => {
    const reordered: SignedData = {
      ...data,
      payload: {
        landUse: '工业用地',
        landArea: '1 平方米',
        location: '玉林店镇',
        projectName: '如鱼生物医药产业化基地项目',
      },
    }
    expect(canonicalData(reordered)).toBe(canonicalData(data))
    expect(canonicalData({ ...data, number: '地字第370612202600002号' })).not.toBe(canonicalData(data))
    expect(canonicalData({ ...data, payload: { ...data.payload, landArea: '2 平方米' } })).not.toBe(canonicalData(data))
    expect(JSON.parse(canonicalData(data))).toEqual(data)
  })

  it('an Ed25519 signature verifies under its key only, and not for changed data', () => {
    const master = Buffer.alloc(32, 7)
    const key = generateSigningKey(master)
    const sig = signText(openPrivateKey(master, key), canonicalData(data))
    expect(Buffer.from(sig, 'base64')).toHaveLength(64)
    expect(verifyText(key.publicKeyPem, canonicalData(data), sig)).toBe(true)
    expect(verifyText(key.publicKeyPem, canonicalData({ ...data, holder: '别的公司' }), sig)).toBe(false)
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString()
    expect(verifyText(other, canonicalData(data), sig)).toBe(false)
    expect(verifyText(key.publicKeyPem, canonicalData(data), 'not base64 at all')).toBe(false)
  })

  it('the private key is stored encrypted and needs the same master key', () => {
    const key = generateSigningKey(Buffer.alloc(32, 1))
    expect(key.privateKeyEnc).not.toContain('PRIVATE KEY')
    expect(key.keyId).toMatch(/^ed25519-[0-9a-f]{16}$/)
    expect(() => openPrivateKey(Buffer.alloc(32, 2), key)).toThrow(/master key/)
    // The key id is bound as associated data: a ciphertext moved to another key row does not open.
    expect(() => openPrivateKey(Buffer.alloc(32, 1), { ...key, keyId: 'ed25519-0000000000000000' })).toThrow()
  })

  it('the master key comes from RUYU_MASTER_KEY, else from <dataDir>/master.key created once with mode 0600', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ruyu-master-'))
    try {
      const first = loadMasterKey(dir, {})
      expect(first).toHaveLength(32)
      expect(fs.statSync(path.join(dir, 'master.key')).mode & 0o777).toBe(0o600)
      expect(loadMasterKey(dir, {})).toEqual(first)
      const fromEnv = Buffer.alloc(32, 9)
      expect(loadMasterKey(dir, { RUYU_MASTER_KEY: fromEnv.toString('base64') })).toEqual(fromEnv)
      expect(() => loadMasterKey(dir, { RUYU_MASTER_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('the QR token is the first 16 base64url characters of the signature', () => {
    const sig = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)).toString('base64')
    const token = signatureToken(sig)
    expect(token).toMatch(/^[A-Za-z0-9_-]{16}$/)
    expect(tokenMatches(sig, token)).toBe(true)
    expect(tokenMatches(sig, `${token.slice(0, 15)}x`)).toBe(false)
    expect(tokenMatches(sig, '')).toBe(false)
    expect(verifyPath('地字第370612202600001号', sig)).toBe(
      `/verify/${encodeURIComponent('地字第370612202600001号')}?s=${token}`,
    )
  })
})

describe('verification outcome', () => {
  it('INVALID beats everything, then REVOKED, then VALID', () => {
    expect(verificationOutcome({ signatureOk: true, tokenOk: true, status: 'issued' })).toBe('VALID')
    expect(verificationOutcome({ signatureOk: true, tokenOk: true, status: 'revoked' })).toBe('REVOKED')
    expect(verificationOutcome({ signatureOk: false, tokenOk: true, status: 'issued' })).toBe('INVALID')
    expect(verificationOutcome({ signatureOk: true, tokenOk: false, status: 'issued' })).toBe('INVALID')
    expect(verificationOutcome({ signatureOk: false, tokenOk: true, status: 'revoked' })).toBe('INVALID')
  })
})

describe('payload rules per kind', () => {
  it('names each missing required field and each field the certificate does not print', () => {
    expect(payloadIssues('land_use_planning', data.payload, 0)).toEqual([])
    const issues = payloadIssues('construction_permit', { projectName: '某工程', colour: '红' }, 3)
    expect(issues.map((i) => i.path.join('.'))).toEqual([
      'certificates.3.payload.location',
      'certificates.3.payload.constructionScale',
      'certificates.3.payload.contractPrice',
      'certificates.3.payload.contractor',
      'certificates.3.payload.colour',
    ])
    expect(issues[0]!.message).toBe('建设地址为必填项')
  })
})

describe('number series', () => {
  it('each kind has a valid pattern that formats as on the real certificates', () => {
    const at = new Date(2026, 4, 20)
    for (const kind of CERTIFICATE_KINDS) validateDocPattern(CERTIFICATE_SERIES[kind].pattern)
    expect(formatDocNumber(CERTIFICATE_SERIES.real_estate.pattern, 123, at)).toBe('鲁（2026）牟平区不动产权第0000123号')
    expect(formatDocNumber(CERTIFICATE_SERIES.land_use_planning.pattern, 7, at)).toBe('地字第370612202600007号')
    expect(formatDocNumber(CERTIFICATE_SERIES.construction_planning.pattern, 7, at)).toBe('建字第370612202600007号')
    expect(formatDocNumber(CERTIFICATE_SERIES.construction_permit.pattern, 42, at)).toBe('370612202605004201')
  })

  it('dates print in China Standard Time', () => {
    expect(chineseDate(new Date('2026-05-19T16:30:00Z'))).toBe('2026年05月20日')
  })
})

describe('the committed font', () => {
  it('is a GB 2312 subset (< 4 MB) holding every character the layout, titles, labels and Muping names print', () => {
    expect(fs.statSync(FONT_FILE).size).toBeLessThan(4 * 1024 * 1024)
    const font = fontkit.create(fs.readFileSync(FONT_FILE))
    const fixed = [
      '中华人民共和国编号：（续页）第页共以下空白发证机关：发证日期：扫码核验电子证照专用章演示样证 不作为正式证照已注销',
      '本证照为电子证照，由如鱼政务服务平台签发，以 Ed25519 数字签名保护。扫描二维码或访问以下地址核验真伪：签名密钥：',
      '统一社会信用代码0123456789ABCDEFGHJKLMNPQRTUWXY㎡，。、；：“”《》（）〔〕【】',
      ISSUER,
      '牟平区宁海街道文化街道武宁街道大窑街道姜格庄街道龙泉镇观水镇玉林店镇水道镇高陵镇王格庄镇昆嵛镇',
      '嵎塂嵠喦桲',
      ...Object.values(PREAMBLE),
      ...Object.values(CERTIFICATE_KIND_SPECS).flatMap((s) => [
        s.title,
        s.holderLabel,
        ...s.fields.map((f) => f.label),
      ]),
    ].join('')
    const missing = [...new Set(fixed)].filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!))
    expect(missing).toEqual([])
  })
})

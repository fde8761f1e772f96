import { createHash, timingSafeEqual } from 'node:crypto'
import {
  CERTIFICATE_KIND_SPECS,
  type CertificateKind,
  type CertificateStatus,
  type IssueBatch,
  IssueBatchSchema,
  type VerifyStatus,
} from '@ruyu/contracts/certificate'
import { canonicalJson } from '../../platform/audit.ts'
import { validationFailed } from '../../platform/errors.ts'

/** The issuing authority printed on every certificate (统一出件 at the district approval bureau). */
export const ISSUER = '牟平区行政审批服务局'

/**
 * One document-number series per kind (DOMAIN.md §3: the four certificates). Created at seed time, editable by an
 * admin through PUT /api/admin/doc-series; counters restart every year (China Standard Time).
 */
export const CERTIFICATE_SERIES: Record<CertificateKind, { key: string; name: string; pattern: string }> = {
  real_estate: {
    key: 'certificate.real_estate',
    name: '不动产权证书编号',
    pattern: '鲁（{yyyy}）牟平区不动产权第{seq:7}号',
  },
  land_use_planning: {
    key: 'certificate.land_use_planning',
    name: '建设用地规划许可证编号',
    pattern: '地字第370612{yyyy}{seq:5}号',
  },
  construction_planning: {
    key: 'certificate.construction_planning',
    name: '建设工程规划许可证编号',
    pattern: '建字第370612{yyyy}{seq:5}号',
  },
  construction_permit: {
    key: 'certificate.construction_permit',
    name: '建筑工程施工许可证编号',
    pattern: '370612{yyyy}{mm}{seq:4}01',
  },
}

/** The legal basis printed under the title (statute articles as in the national certificate templates). */
export const PREAMBLE: Record<CertificateKind, string> = {
  real_estate:
    '根据《中华人民共和国民法典》等法律法规，为保护不动产权利人合法权益，对不动产权利人申请登记的本证所列不动产权利，经审查核实，准予登记，颁发此证。',
  land_use_planning:
    '根据《中华人民共和国城乡规划法》第三十七条、第三十八条规定，经审核，本用地项目符合国土空间规划和用途管制要求，颁发此证。',
  construction_planning:
    '根据《中华人民共和国城乡规划法》第四十条规定，经审核，本建设工程符合国土空间规划和用途管制要求，颁发此证。',
  construction_permit: '根据《中华人民共和国建筑法》第八条规定，经审查，本建筑工程符合施工条件，准予施工。',
}

/** The data a certificate's signature covers. */
export interface SignedData {
  number: string
  kind: CertificateKind
  title: string
  holder: string
  holderUscc: string
  payload: Record<string, string>
  /** ISO 8601 UTC with milliseconds, e.g. 2026-05-20T02:30:00.000Z. */
  issuedAt: string
  divisionCode: string
  issuer: string
}

/** Canonical JSON of the signed data (keys sorted at every level): the exact bytes that are signed. */
export function canonicalData(d: SignedData): string {
  return canonicalJson({
    number: d.number,
    kind: d.kind,
    title: d.title,
    holder: d.holder,
    holderUscc: d.holderUscc,
    payload: d.payload,
    issuedAt: d.issuedAt,
    divisionCode: d.divisionCode,
    issuer: d.issuer,
  })
}

export const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')

/** The short token printed in the QR code: the first 16 characters of the base64url signature. */
export function signatureToken(signatureBase64: string): string {
  return Buffer.from(signatureBase64, 'base64').toString('base64url').slice(0, 16)
}

/** Compares a presented token with the certificate's, in constant time. */
export function tokenMatches(signatureBase64: string, presented: string): boolean {
  const a = Buffer.from(signatureToken(signatureBase64))
  const b = Buffer.from(presented)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Path of the public verification page for a certificate (the QR code holds origin + this). */
export function verifyPath(number: string, signatureBase64: string): string {
  return `/verify/${encodeURIComponent(number)}?s=${signatureToken(signatureBase64)}`
}

export interface PayloadIssue {
  path: (string | number)[]
  message: string
}

/** Checks a payload against its kind: every required field present, no field the kind does not print. */
export function payloadIssues(kind: CertificateKind, payload: Record<string, string>, at: number): PayloadIssue[] {
  const spec = CERTIFICATE_KIND_SPECS[kind]
  const known = new Set(spec.fields.map((f) => f.key))
  const issues: PayloadIssue[] = []
  for (const f of spec.fields)
    if (f.required && !payload[f.key]?.trim())
      issues.push({ path: ['certificates', at, 'payload', f.key], message: `${f.label}为必填项` })
  for (const key of Object.keys(payload))
    if (!known.has(key))
      issues.push({ path: ['certificates', at, 'payload', key], message: `${spec.title}没有“${key}”一项` })
  return issues
}

/** The payload as printed: the kind's fields in order, with their labels, skipping empty optional ones. */
export function printedFields(kind: CertificateKind, payload: Record<string, string>) {
  return CERTIFICATE_KIND_SPECS[kind].fields
    .filter((f) => payload[f.key] !== undefined && payload[f.key] !== '')
    .map((f) => ({ key: f.key, label: f.label, value: payload[f.key]! }))
}

/**
 * The outcome of a verification. A signature that does not match the stored data, or a QR token that does not match
 * the signature, is INVALID whatever the status (the data cannot be trusted); otherwise revoked wins over valid.
 */
export function verificationOutcome(c: {
  signatureOk: boolean
  tokenOk: boolean
  status: CertificateStatus
}): Exclude<VerifyStatus, 'NOT_FOUND'> {
  if (!c.signatureOk || !c.tokenOk) return 'INVALID'
  return c.status === 'revoked' ? 'REVOKED' : 'VALID'
}

/** 2026-05-20T02:30:00Z → 2026年05月20日 (the date in China Standard Time). */
export function chineseDate(at: Date): string {
  const cst = new Date(at.getTime() + 8 * 3600_000)
  const mm = String(cst.getUTCMonth() + 1).padStart(2, '0')
  const dd = String(cst.getUTCDate()).padStart(2, '0')
  return `${cst.getUTCFullYear()}年${mm}月${dd}日`
}

/** Parses a batch and checks every certificate's payload against its kind; VALIDATION_FAILED with paths. */
export function parseBatch(input: IssueBatch): IssueBatch {
  const parsed = IssueBatchSchema.safeParse(input)
  if (!parsed.success)
    throw validationFailed(undefined, {
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === 'symbol' ? '' : p)),
        message: i.message,
      })),
    })
  const issues = parsed.data.certificates.flatMap((c, i) => payloadIssues(c.kind, c.payload, i))
  if (issues.length) throw validationFailed(undefined, { issues })
  return parsed.data
}

import { z } from 'zod'
import { DivisionCodeSchema } from './common.ts'
import { UsccSchema } from './identifier-schemas.ts'

/**
 * E-certificates (电子证照). The four certificates of construction-project approval (四证, DOMAIN.md §3): each kind
 * has its printed title, the label of the holder line and its fields in printed order. Labels are the official
 * Chinese wording printed on the certificate; the web shows them as they are in Chinese and translates by field key.
 */
export const CERTIFICATE_KINDS = [
  'real_estate',
  'land_use_planning',
  'construction_planning',
  'construction_permit',
] as const
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number]

export interface CertificateFieldSpec {
  key: string
  label: string
  required: boolean
}

export interface CertificateKindSpec {
  title: string
  holderLabel: string
  fields: readonly CertificateFieldSpec[]
}

const f = (key: string, label: string, required = true): CertificateFieldSpec => ({ key, label, required })

export const CERTIFICATE_KIND_SPECS: Record<CertificateKind, CertificateKindSpec> = {
  real_estate: {
    title: '不动产权证书',
    holderLabel: '权利人',
    fields: [
      f('coOwnership', '共有情况', false),
      f('location', '坐落'),
      f('unitNumber', '不动产单元号'),
      f('rightType', '权利类型'),
      f('rightNature', '权利性质'),
      f('landUse', '用途'),
      f('landArea', '面积'),
      f('term', '使用期限'),
      f('otherInfo', '权利其他状况', false),
    ],
  },
  land_use_planning: {
    title: '建设用地规划许可证',
    holderLabel: '用地单位',
    fields: [
      f('projectName', '项目名称'),
      f('approvalDocNo', '批准用地机关及文号', false),
      f('location', '用地位置'),
      f('landArea', '用地面积'),
      f('landUse', '土地用途'),
      f('constructionScale', '建设规模', false),
      f('landAcquisition', '土地取得方式', false),
    ],
  },
  construction_planning: {
    title: '建设工程规划许可证',
    holderLabel: '建设单位',
    fields: [
      f('projectName', '建设项目名称'),
      f('location', '建设位置'),
      f('constructionScale', '建设规模'),
      f('attachments', '附图及附件名称', false),
    ],
  },
  construction_permit: {
    title: '建筑工程施工许可证',
    holderLabel: '建设单位',
    fields: [
      f('projectName', '工程名称'),
      f('location', '建设地址'),
      f('constructionScale', '建设规模'),
      f('contractPrice', '合同价格'),
      f('surveyUnit', '勘察单位', false),
      f('designUnit', '设计单位', false),
      f('contractor', '施工单位'),
      f('supervisor', '监理单位', false),
      f('contractPeriod', '合同工期', false),
    ],
  },
}

/** Every field key any kind uses (the web has a label per key for English). */
export const CERTIFICATE_FIELD_KEYS = [
  ...new Set(Object.values(CERTIFICATE_KIND_SPECS).flatMap((s) => s.fields.map((x) => x.key))),
]

export const CERTIFICATE_STATUSES = ['issued', 'revoked'] as const
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number]

/** Outcome of a public verification. */
export const VERIFY_STATUSES = ['VALID', 'REVOKED', 'NOT_FOUND', 'INVALID'] as const
export type VerifyStatus = (typeof VERIFY_STATUSES)[number]

export const CertificateKindSchema = z.enum(CERTIFICATE_KINDS)

/** One certificate of a batch: its kind, an optional title override and its fields (validated per kind). */
export const IssueCertificateSchema = z.object({
  kind: CertificateKindSchema,
  title: z.string().trim().min(2).max(40).optional(),
  payload: z.record(z.string(), z.string().trim().min(1).max(500)),
})
export type IssueCertificate = z.infer<typeof IssueCertificateSchema>

/** A unified-issuance batch (统一出件; 四证齐发 = the four certificates of one project together). */
export const IssueBatchSchema = z.object({
  subjectType: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/),
  subjectId: z.string().trim().min(1).max(100),
  divisionCode: DivisionCodeSchema,
  holder: z.object({ name: z.string().trim().min(2).max(100), uscc: UsccSchema }),
  certificates: z.array(IssueCertificateSchema).min(1).max(20),
})
export type IssueBatch = z.infer<typeof IssueBatchSchema>

export const CertificateFieldSchema = z.object({ key: z.string(), label: z.string(), value: z.string() })

/** What anyone may see of a certificate (verification page): no internal ids. */
export const PublicCertificateSchema = z.object({
  number: z.string(),
  kind: CertificateKindSchema,
  title: z.string(),
  holderLabel: z.string(),
  holderName: z.string(),
  holderUscc: z.string(),
  fields: z.array(CertificateFieldSchema),
  issuer: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
})
export type PublicCertificate = z.infer<typeof PublicCertificateSchema>

export const VerifyQuerySchema = z.object({
  number: z.string().trim().min(1).max(64),
  /** The signature token from the QR code (first 16 characters of the base64url signature). */
  s: z.string().trim().max(64).optional(),
  /** The signed payload from the QR code's fragment (a compact JWS, EdDSA): checked in full when given. */
  c: z.string().trim().max(4000).optional(),
})

/**
 * How far a verification went: `signature` when the presented QR token or signed payload was checked against the
 * certificate's signature; `registry` when only the number was looked up (no QR data given), so nothing proves that
 * the paper in hand carries this certificate's signature.
 */
export const VERIFY_CHECKS = ['signature', 'registry'] as const
export type VerifyCheck = (typeof VERIFY_CHECKS)[number]

export const VerifyResultSchema = z.object({
  status: z.enum(VERIFY_STATUSES),
  checked: z.enum(VERIFY_CHECKS).optional(),
  certificate: PublicCertificateSchema.optional(),
})
export type VerifyResult = z.infer<typeof VerifyResultSchema>

/** A certificate as its holder and staff see it. */
export const CertificateSchema = PublicCertificateSchema.extend({
  id: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  subjectType: z.string(),
  subjectId: z.string(),
  batchId: z.string(),
  verifyUrl: z.string(),
})
export type Certificate = z.infer<typeof CertificateSchema>

export const CertificateListQuerySchema = z.object({
  subjectType: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/)
    .optional(),
  subjectId: z.string().trim().min(1).max(100).optional(),
  kind: CertificateKindSchema.optional(),
  status: z.enum(CERTIFICATE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export type CertificateListQuery = z.infer<typeof CertificateListQuerySchema>

export const RevokeCertificateSchema = z.object({ reason: z.string().trim().min(2).max(200) })

/**
 * A published certificate signing key as a JSON Web Key (RFC 8037, OKP / Ed25519) with its key id; retired keys stay
 * published so that the certificates they signed still verify offline.
 */
export const CertificateKeySchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string(),
  kid: z.string(),
  alg: z.literal('EdDSA'),
  use: z.literal('sig'),
  status: z.enum(['active', 'retired']),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  publicKeyPem: z.string(),
})
export type CertificateKey = z.infer<typeof CertificateKeySchema>

/** The JWKS document of the certificate signing keys (GET /api/public/certificates/keys). */
export const CertificateKeySetSchema = z.object({ keys: z.array(CertificateKeySchema) })
export type CertificateKeySet = z.infer<typeof CertificateKeySetSchema>

/**
 * The claims of the signed payload carried in a certificate's QR code (a compact JWS, header {alg: EdDSA, kid}):
 * number, kind, holder, USCC, issue time (ISO 8601 UTC), division, issuer, and the SHA-256 (base64url) of the
 * canonical data the full signature covers, so a holder of the PDF can tie the two together.
 */
export interface CertificateClaims {
  v: 1
  number: string
  kind: CertificateKind
  holder: string
  holderUscc: string
  issuedAt: string
  divisionCode: string
  issuer: string
  dataSha256: string
}

/** Enterprises and their profiles (画像 data), bulk import, and enterprise accounts with their verification. */
import { z } from 'zod'
import { DateSchema, DivisionCodeSchema } from '../common.ts'
import { MobileSchema, UsccSchema } from '../identifier-schemas.ts'
import {
  ENTERPRISE_SCALES,
  ENTERPRISE_STATUSES,
  ENTERPRISE_TAGS,
  IndustryCodeSchema,
  IndustryPrefixSchema,
  MEMBER_STATUSES,
  ParkCodeSchema,
} from './enums.ts'

const Wan = z.number().min(0).max(100_000_000) // 万元, up to 1 万亿

// ---------------------------------------------------------------------------------------------------------------
// Enterprises and profiles

/** The stable profile shape other modules (policy matching) read; also the list item. */
export const EnterpriseProfileSchema = z.object({
  uscc: z.string(),
  name: z.string(),
  divisionCode: z.string(),
  parkCode: z.string().nullable(),
  industryCode: z.string(),
  employees: z.number().int(),
  revenueWan: z.number(),
  rndWan: z.number(),
  foundedOn: z.string(),
  tags: z.array(z.string()),
  scale: z.enum(ENTERPRISE_SCALES),
  ageYears: z.number().int(),
  status: z.enum(ENTERPRISE_STATUSES),
})
export type EnterpriseProfileDto = z.infer<typeof EnterpriseProfileSchema>

export const EnterpriseSchema = EnterpriseProfileSchema.extend({
  legalRepresentative: z.string(),
  assetsWan: z.number().nullable(),
  address: z.string().nullable(),
  industryName: z.string().nullable(),
  divisionName: z.string().nullable(),
  parkName: z.string().nullable(),
  scaleRow: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
})
export type Enterprise = z.infer<typeof EnterpriseSchema>

export const EnterpriseListQuerySchema = z.object({
  q: z.string().trim().min(1).max(50).optional(),
  industry: IndustryPrefixSchema.optional(),
  scale: z.enum(ENTERPRISE_SCALES).optional(),
  tag: z.enum(ENTERPRISE_TAGS).optional(),
  divisionCode: DivisionCodeSchema.optional(),
  parkCode: ParkCodeSchema.optional(),
  status: z.enum(ENTERPRISE_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export type EnterpriseListQuery = z.infer<typeof EnterpriseListQuerySchema>
export const EnterprisePageSchema = z.object({ items: z.array(EnterpriseSchema), total: z.number().int() })

const enterpriseFields = {
  name: z.string().trim().min(2).max(100),
  legalRepresentative: z.string().trim().min(1).max(30),
  divisionCode: DivisionCodeSchema,
  parkCode: ParkCodeSchema.nullable(),
  industryCode: IndustryCodeSchema,
  foundedOn: DateSchema,
  employees: z.number().int().min(0).max(10_000_000),
  revenueWan: Wan,
  rndWan: Wan,
  assetsWan: Wan.nullable(),
  tags: z.array(z.enum(ENTERPRISE_TAGS)).max(20),
  address: z.string().trim().max(200).nullable(),
}

export const CreateEnterpriseSchema = z.object({
  uscc: UsccSchema,
  ...enterpriseFields,
  parkCode: enterpriseFields.parkCode.optional(),
  rndWan: Wan.default(0),
  assetsWan: enterpriseFields.assetsWan.optional(),
  tags: enterpriseFields.tags.default([]),
  address: enterpriseFields.address.optional(),
})
export type CreateEnterprise = z.infer<typeof CreateEnterpriseSchema>

/** Staff edit: any subset of the profile fields; `expectedVersion` guards against lost updates (409). */
export const UpdateEnterpriseSchema = z
  .object(enterpriseFields)
  .partial()
  .extend({
    status: z.enum(ENTERPRISE_STATUSES).optional(),
    expectedVersion: z.number().int().min(1).optional(),
  })
export type UpdateEnterprise = z.infer<typeof UpdateEnterpriseSchema>

/** Bulk import (e.g. from the market-regulation register): insert or update by USCC. */
export const ImportEnterprisesSchema = z.object({ items: z.array(CreateEnterpriseSchema).min(1).max(2000) })
export const ImportResultSchema = z.object({ created: z.number().int(), updated: z.number().int() })

export const UsccParamsSchema = z.object({ uscc: UsccSchema })

// ---------------------------------------------------------------------------------------------------------------
// Enterprise accounts (registration and verification)

/** Public self-registration of an enterprise user; the account stays without access until staff verify it. */
export const RegisterEnterpriseUserSchema = z.object({
  uscc: UsccSchema,
  enterpriseName: z.string().trim().min(2).max(100),
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{3,31}$/, 'Invalid username'),
  password: z.string().min(8).max(128),
  contactName: z.string().trim().min(1).max(30),
  mobile: MobileSchema,
})
export type RegisterEnterpriseUser = z.infer<typeof RegisterEnterpriseUserSchema>

export const MemberSchema = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  contactName: z.string(),
  mobileMasked: z.string().nullable(),
  uscc: z.string(),
  enterpriseName: z.string(),
  status: z.enum(MEMBER_STATUSES),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
})
export type Member = z.infer<typeof MemberSchema>
export const MemberListQuerySchema = z.object({
  status: z.enum(MEMBER_STATUSES).optional(),
  uscc: UsccSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export const MemberPageSchema = z.object({ items: z.array(MemberSchema), total: z.number().int() })
export const RejectMemberSchema = z.object({ reason: z.string().trim().min(2).max(500) })

/** What a logged-in enterprise account is (GET /api/enterprise/my/membership). */
export const MyMembershipSchema = z.object({
  status: z.enum(MEMBER_STATUSES),
  uscc: z.string(),
  enterpriseName: z.string(),
  reason: z.string().nullable(),
})

import { z } from 'zod'
import { DivisionCodeSchema } from './common.ts'
import { PostSchema } from './platform.ts'

export const DIVISION_LEVELS = ['province', 'city', 'district', 'town', 'village'] as const
export const DEPARTMENT_KINDS = [
  'approval_bureau',
  'department',
  'handling_unit',
  'town_office',
  'centre',
  'utility',
] as const
export const LOCATION_KINDS = ['district_hall', 'town_centre', 'village_station', 'park_station'] as const

export const DivisionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(DIVISION_LEVELS),
  kind: z.string(),
  parentCode: z.string().nullable(),
  childCount: z.number(),
  dataYear: z.number(),
})
export type Division = z.infer<typeof DivisionSchema>
export const DivisionDetailSchema = DivisionSchema.extend({
  path: z.array(z.object({ code: z.string(), name: z.string() })),
})

export const DivisionListQuerySchema = z.object({
  parentCode: DivisionCodeSchema.optional(),
  q: z.string().trim().min(1).max(50).optional(),
  dataYear: z.coerce.number().int().min(2000).max(2100).optional(),
})
export const DivisionParamsSchema = z.object({ code: DivisionCodeSchema })

export const DepartmentSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.string(),
  divisionCode: z.string(),
  parentId: z.string().nullable(),
  constructionApproval: z.boolean(),
})
export type Department = z.infer<typeof DepartmentSchema>
export const DepartmentListQuerySchema = z.object({
  q: z.string().trim().min(1).max(50).optional(),
  kind: z.enum(DEPARTMENT_KINDS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export const CreateDepartmentSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,30}$/),
  name: z.string().trim().min(2).max(60),
  shortName: z.string().trim().min(1).max(20).optional(),
  kind: z.enum(DEPARTMENT_KINDS),
  divisionCode: DivisionCodeSchema,
  parentId: z.uuid().optional(),
  constructionApproval: z.boolean().default(false),
})
export type CreateDepartment = z.infer<typeof CreateDepartmentSchema>

export const LocationSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(LOCATION_KINDS),
  divisionCode: z.string(),
  address: z.string(),
  phone: z.string().nullable(),
  departmentCount: z.number(),
})
export const LocationListQuerySchema = z.object({
  q: z.string().trim().min(1).max(50).optional(),
  kind: z.enum(LOCATION_KINDS).optional(),
  divisionCode: DivisionCodeSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})

export const StaffSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  mobileMasked: z.string().nullable(),
  status: z.enum(['active', 'locked', 'disabled']),
  /** While locked out by failed logins (from some address or from all): when the last lock ends. */
  lockedUntil: z.string().nullable(),
  posts: z.array(PostSchema),
})
export const StaffListQuerySchema = z.object({
  q: z.string().trim().min(1).max(50).optional(),
  divisionCode: DivisionCodeSchema.optional(),
  departmentId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})

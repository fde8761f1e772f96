import { z } from 'zod'
import { CAPABILITIES, ROLES } from './access.ts'
import { DateSchema, DivisionCodeSchema } from './common.ts'
import { MobileSchema, UsccSchema } from './identifier-schemas.ts'

export const LoginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
})
export type Login = z.infer<typeof LoginSchema>

export const PostSchema = z.object({
  id: z.string(),
  role: z.string(),
  scopeDivisionCode: z.string(),
  scopeDivisionName: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
})

export const MeSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  kind: z.enum(['staff', 'enterprise', 'citizen', 'integration']),
  roles: z.array(z.string()),
  capabilities: z.array(z.string()),
  posts: z.array(PostSchema),
  /** The enterprise (统一社会信用代码) an enterprise account acts for; null for everyone else. */
  enterpriseUscc: z.string().nullable(),
  /** The password has expired: the session may only change it (and log out). */
  mustChangePassword: z.boolean().optional(),
})
export type Me = z.infer<typeof MeSchema>

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
})

/** An administrator sets a password the owner must change at the next login. */
export const ResetPasswordSchema = z.object({ newPassword: z.string().min(1).max(128) })

export const SessionReplySchema = z.object({ user: MeSchema, csrfToken: z.string() })

export const MetaSchema = z.object({
  name: z.string(),
  version: z.string(),
  demo: z.boolean(),
  district: z.object({ code: z.string(), name: z.string() }),
  /** The password rule's minimum length (PASSWORD_MIN_LENGTH), shown on the change-password page. */
  passwordMinLength: z.number().int().optional(),
  demoPassword: z.string().optional(),
  demoAccounts: z.array(z.object({ username: z.string(), role: z.string(), displayName: z.string() })).optional(),
})

export const NotificationSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
})
export const NotificationListQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  total: z.number(),
  unread: z.number(),
})

export const AddWorkdaysQuerySchema = z.object({ from: DateSchema, days: z.coerce.number().int().min(-3650).max(3650) })
export const WorkdaysBetweenQuerySchema = z.object({ from: DateSchema, to: DateSchema })
export const ScheduleDaySchema = z.object({ date: DateSchema, name: z.string().min(1).max(50) })
export const ImportScheduleSchema = z.object({
  source: z.string().min(1).max(300),
  holidays: z.array(ScheduleDaySchema).min(1).max(366),
  workdays: z.array(ScheduleDaySchema).max(366),
})
export type ImportSchedule = z.infer<typeof ImportScheduleSchema>
export const CalendarYearSchema = z.object({
  year: z.number(),
  version: z.number(),
  source: z.string(),
  importedAt: z.string(),
  holidays: z.number(),
  workdays: z.number(),
})

export const CreateUserSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z0-9_.-]{3,64}$/),
  displayName: z.string().trim().min(1).max(50),
  kind: z.enum(['staff', 'enterprise', 'citizen']),
  password: z.string().min(8).max(128),
  mobile: MobileSchema.optional(),
  email: z.email().optional(),
  enterpriseUscc: UsccSchema.optional(),
  posts: z
    .array(
      z.object({
        role: z.enum(ROLES),
        scopeDivisionCode: DivisionCodeSchema,
        departmentId: z.uuid().nullable().optional(),
      }),
    )
    .max(10)
    .default([]),
})
export type CreateUser = z.infer<typeof CreateUserSchema>

export const CreateApiKeySchema = z.object({
  name: z.string().trim().min(1).max(100),
  capabilities: z.array(z.enum(CAPABILITIES)).min(1),
  scopeDivisionCode: DivisionCodeSchema,
  /** After this instant the key is refused (401); absent: no expiry. */
  expiresAt: z.iso.datetime({ offset: true }).optional(),
})
export const ApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  capabilities: z.array(z.string()),
  scopeDivisionCode: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
})

export const FileSchema = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
})

export const DocSeriesSchema = z.object({
  key: z.string().regex(/^[a-z0-9_.-]{2,60}$/),
  name: z.string().min(1).max(100),
  pattern: z.string().min(1).max(100),
  reset: z.enum(['yearly', 'never']).default('yearly'),
})

export const AuditQuerySchema = z.object({
  resourceType: z.string().max(60).optional(),
  resourceId: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})

import { z } from 'zod'

export const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Invalid date')
export const UuidSchema = z.uuid()
export const DivisionCodeSchema = z.string().regex(/^\d{2}(\d{2}){0,2}(\d{3}){0,2}$/, 'Invalid division code')

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
})
export type PageQuery = z.infer<typeof PageQuerySchema>

export const IdParamsSchema = z.object({ id: z.uuid() })

export const ErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  requestId: z.string(),
})

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() })

import { IdParamsSchema, pageOf } from '@ruyu/contracts/common'
import {
  CreateDepartmentSchema,
  DepartmentListQuerySchema,
  DepartmentSchema,
  DivisionDetailSchema,
  DivisionListQuerySchema,
  DivisionParamsSchema,
  DivisionSchema,
  LocationListQuerySchema,
  LocationSchema,
  StaffListQuerySchema,
  StaffSchema,
} from '@ruyu/contracts/directory'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { DirectoryService } from './service.ts'

/** Directory HTTP routes under /api/directory. HTTP only: every rule lives in the service. */
export function directoryRoutes(service: DirectoryService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    const tags = ['directory']

    r.get(
      '/divisions',
      {
        config: { access: 'directory:read' },
        schema: { tags, querystring: DivisionListQuerySchema, response: { 200: pageOf(DivisionSchema) } },
      },
      async (req) => service.listDivisions(req.principal!, req.query),
    )
    r.get(
      '/divisions/:code',
      {
        config: { access: 'directory:read' },
        schema: {
          tags,
          params: DivisionParamsSchema,
          querystring: z.object({ dataYear: z.coerce.number().int().min(2000).max(2100).optional() }),
          response: { 200: DivisionDetailSchema },
        },
      },
      async (req) => service.getDivision(req.principal!, req.params.code, req.query.dataYear),
    )
    r.get(
      '/departments',
      {
        config: { access: 'directory:read' },
        schema: { tags, querystring: DepartmentListQuerySchema, response: { 200: pageOf(DepartmentSchema) } },
      },
      async (req) => service.listDepartments(req.principal!, req.query),
    )
    r.get(
      '/departments/:id',
      {
        config: { access: 'directory:read' },
        schema: { tags, params: IdParamsSchema, response: { 200: DepartmentSchema } },
      },
      async (req) => service.getDepartment(req.principal!, req.params.id),
    )
    r.post(
      '/departments',
      {
        config: { access: 'directory:manage' },
        schema: { tags, body: CreateDepartmentSchema, response: { 201: DepartmentSchema } },
      },
      async (req, reply) =>
        reply.code(201).send(await service.createDepartment(req.principal!, req.actor, req.body, req.id)),
    )
    r.get(
      '/locations',
      {
        config: { access: 'directory:read' },
        schema: { tags, querystring: LocationListQuerySchema, response: { 200: pageOf(LocationSchema) } },
      },
      async (req) => service.listLocations(req.principal!, req.query),
    )
    r.get(
      '/staff',
      {
        config: { access: 'staff:read' },
        schema: { tags, querystring: StaffListQuerySchema, response: { 200: pageOf(StaffSchema) } },
      },
      async (req) => service.listStaff(req.principal!, req.query),
    )
    r.get(
      '/staff/:id',
      { config: { access: 'staff:read' }, schema: { tags, params: IdParamsSchema, response: { 200: StaffSchema } } },
      async (req) => service.getStaff(req.principal!, req.params.id),
    )
  }
}

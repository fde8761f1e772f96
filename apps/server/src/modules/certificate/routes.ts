import {
  CertificateKeySetSchema,
  CertificateListQuerySchema,
  CertificateSchema,
  RevokeCertificateSchema,
  VerifyQuerySchema,
  VerifyResultSchema,
} from '@ruyu/contracts/certificate'
import { IdParamsSchema, pageOf } from '@ruyu/contracts/common'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { CertificateService } from './service.ts'

/** RFC 6266 / 5987 attachment header: an ASCII fallback name plus the real (Chinese) file name. */
const attachment = (name: string) =>
  `attachment; filename="certificate.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`

/** Certificate HTTP routes, registered under /api. HTTP only: every rule lives in the service. */
export function certificateRoutes(service: CertificateService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>()
    const tags = ['certificate']

    // Reached from the QR code on a printed certificate: no login, rate-limited per client address.
    r.get(
      '/public/certificates/verify',
      {
        config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { tags, querystring: VerifyQuerySchema, response: { 200: VerifyResultSchema } },
      },
      async (req, reply) => {
        reply.header('cache-control', 'no-store')
        return service.verify(req.query.number, req.query.s, req.query.c)
      },
    )

    // The published signing keys (JWKS, RFC 7517/8037): active and retired, so offline checks of old certificates
    // keep working after a rotation. Public and cacheable for a short while (a rotation shows within minutes).
    r.get(
      '/public/certificates/keys',
      {
        config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { tags, response: { 200: CertificateKeySetSchema } },
      },
      async (_req, reply) => {
        reply.header('cache-control', 'public, max-age=300')
        return service.publicKeys()
      },
    )

    // The holder enterprise sees its own certificates; staff with certificate:print those in their scope.
    r.get(
      '/certificates',
      {
        config: { access: 'authenticated' },
        schema: { tags, querystring: CertificateListQuerySchema, response: { 200: pageOf(CertificateSchema) } },
      },
      async (req) => service.list(req.principal!, req.query),
    )
    r.get(
      '/certificates/:id/pdf',
      { config: { access: 'authenticated' }, schema: { tags, params: IdParamsSchema } },
      async (req, reply) => {
        const { number, pdf } = await service.pdfFor(req.principal!, req.params.id)
        return reply
          .type('application/pdf')
          .header('content-disposition', attachment(`${number}.pdf`))
          .header('cache-control', 'private, no-store')
          .send(pdf)
      },
    )
    r.post(
      '/certificates/:id/revoke',
      {
        config: { access: 'certificate:revoke' },
        schema: { tags, params: IdParamsSchema, body: RevokeCertificateSchema, response: { 200: CertificateSchema } },
      },
      async (req) =>
        service.revoke(req.actor, req.params.id, req.body.reason, { principal: req.principal!, requestId: req.id }),
    )
  }
}

/** The same key set at the conventional /.well-known/jwks.json (registered at the root, outside /api). */
export function certificateWellKnownRoutes(service: CertificateService) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/.well-known/jwks.json',
      {
        config: { access: 'public', rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { tags: ['certificate'], response: { 200: CertificateKeySetSchema } },
      },
      async (_req, reply) => {
        reply.header('cache-control', 'public, max-age=300')
        return service.publicKeys()
      },
    )
  }
}

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) over the 12345 hotline: the public standard API that
 * civic apps speak. Services are the leaf hotline categories, a service request is a work order (channel
 * 'open311'), statuses are open/closed. Every endpoint answers JSON or XML by the path's extension, and errors use
 * the standard list shape ([{code, description}] / <errors><error>…) with 400, 403 or 404. See docs/hotline.md.
 *
 * - service_request_id is the order's random public id (R + 20 hex digits); the sequential order number is not
 *   accepted, so ids cannot be guessed. Confidential orders, non-public request types and categories (setting
 *   hotline.open311) are never listed or served; what is served shows no more than the tracking page.
 * - POST needs `api_key` = a platform API key with the `open311:submit` capability (no human role has it); the
 *   order's division must lie inside the key's scope. Reads are public and rate-limited.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../../platform/errors.ts'
import { bad, formatOf, Open311Error, parseForm, send } from './open311-common.ts'
import { open311RequestRoutes } from './open311-requests.ts'
import { open311Catalog, open311ServiceRoutes } from './open311-services.ts'
import type { HotlineService } from './service.ts'

/** The API router's maxParamLength (app.ts): a longer segment never matches a parameter. */
const MAX_SEGMENT = 100

export { parseW3c, w3c } from './open311-common.ts'

/**
 * Open311 GeoReport v2 routes; register with prefix /open311 (endpoint base /open311/v2, discovery at
 * /open311/discovery.{fmt} and /open311/v2/discovery.{fmt}).
 */
export function open311Routes(service: HotlineService) {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => done(null, parseForm(String(body))),
    )

    // Browser-based Open311 clients call from other origins. The API takes no cookies (the api_key is a form
    // field), so any origin may call it; preflights are answered here.
    app.addHook('onRequest', async (_req, reply) => {
      reply.header('access-control-allow-origin', '*')
    })
    app.options('/*', async (_req, reply) =>
      reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', 'content-type, accept, accept-language')
        .header('access-control-max-age', '86400')
        .send(),
    )

    app.setErrorHandler((err, req, reply) => {
      let e: Open311Error
      if (err instanceof Open311Error) e = err
      else if (err instanceof AppError) {
        const status =
          err.status === 403 || err.status === 401 ? 403 : err.status === 404 ? 404 : err.status === 429 ? 429 : 400
        const en = /^en\b/i.test(String(req.headers['accept-language'] ?? ''))
        e = new Open311Error(status, [{ code: status, description: en ? err.messages.en : err.messages.zh }])
      } else if ((err as { statusCode?: number }).statusCode === 429)
        e = new Open311Error(429, [{ code: 429, description: '请求过于频繁，请稍后再试 (rate limited)' }])
      else if ((err as { statusCode?: number }).statusCode && (err as { statusCode: number }).statusCode < 500)
        e = bad(`请求格式不正确 (${(err as Error).message})`)
      else {
        req.log.error({ err }, 'open311 failure')
        e = new Open311Error(500, [{ code: 500, description: `系统内部错误，请求编号 ${req.id}` }])
      }
      return send(reply, formatOf(req), e.status, 'errors', e.errors)
    })
    const noSuchEndpoint = (req: FastifyRequest, reply: FastifyReply) =>
      // A segment past the router's parameter limit missed its route only for its length: the client's fault.
      req.url.split('?')[0].split('/').some((seg) => seg.length > MAX_SEGMENT)
        ? send(reply, formatOf(req), 400, 'errors', [{ code: 400, description: '请求路径过长 (path too long)' }])
        : send(reply, formatOf(req), 404, 'errors', [{ code: 404, description: '接口不存在 (no such Open311 endpoint)' }])
    app.setNotFoundHandler(noSuchEndpoint)
    // Wins over the web app's catch-all GET /*: unknown paths here (servicerequestupdates.xml …) are Open311 404s.
    app.route({
      method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'],
      url: '/*',
      config: { access: 'public' },
      schema: { hide: true },
      handler: noSuchEndpoint,
    })

    const catalog = open311Catalog(app, service)
    open311ServiceRoutes(app, catalog)
    open311RequestRoutes(app, service, catalog)
  }
}

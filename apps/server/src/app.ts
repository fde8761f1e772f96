import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance, LogController } from 'fastify'
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client'
import {
  SUBJECT as APPROVAL_SUBJECT,
  type ApprovalService,
  approvalRoutes,
  createApprovalService,
} from './modules/approval/index.ts'
import { type CatalogService, catalogRoutes, createCatalogService } from './modules/catalog/index.ts'
import {
  type CertificateService,
  certificateRoutes,
  certificateWellKnownRoutes,
  createCertificateService,
} from './modules/certificate/index.ts'
import { createDirectoryService, type DirectoryService, directoryRoutes } from './modules/directory/index.ts'
import {
  createEnterpriseService,
  type EnterpriseService,
  enterprisePublicRoutes,
  enterpriseRoutes,
  REQUEST_SUBJECT,
} from './modules/enterprise/index.ts'
import {
  createHotline,
  SUBJECT as HOTLINE_SUBJECT,
  type HotlineService,
  hotlinePublicRoutes,
  hotlineRoutes,
  open311Routes,
} from './modules/hotline/index.ts'
import {
  createPolicy,
  POLICY_FILE_SUBJECT,
  type PolicyService,
  policyPublicRoutes,
  policyRoutes,
} from './modules/policy/index.ts'
import { createRatingService, type RatingService, ratingRoutes } from './modules/rating/index.ts'
import {
  createWorkflowService,
  registerWorkflowWorkers,
  type WorkflowService,
  workflowRoutes,
} from './modules/workflow/index.ts'
import { lockLimitsOf } from './platform/auth/account-admin.ts'
import { type Principal, principalActor } from './platform/auth/service.ts'
import { rateLimited } from './platform/errors.ts'
import { readerFromGet } from './platform/files.ts'
import { registerAccess } from './platform/http/access.ts'
import { type ErrorLimits, frameworkErrorHandler, registerErrorHandler } from './platform/http/error-handler.ts'
import { registerInputGuard } from './platform/http/input-guard.ts'
import { platformRoutes } from './platform/http/platform-routes.ts'
import { registerWeb } from './platform/http/web.ts'
import { registerRequestLog } from './platform/logger.ts'
import './platform/http/types.ts'
import type { Platform } from './platform/platform.ts'

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist')

/** The module services, built once per process from the platform (composition root). */
export interface Services {
  directory: DirectoryService
  catalog: CatalogService
  workflow: WorkflowService
  rating: RatingService
  approval: ApprovalService
  certificate: CertificateService
  enterprise: EnterpriseService
  policy: PolicyService
  hotline: HotlineService
}

export function createServices(platform: Platform): Services {
  const workflow = createWorkflowService(platform)
  registerWorkflowWorkers(platform, workflow)
  const directory = createDirectoryService(platform.db, platform.caches, lockLimitsOf(platform.config))
  const catalog = createCatalogService(platform.db, platform.caches)
  const rating = createRatingService(platform, workflow)
  const certificate = createCertificateService({ db: platform.db, events: platform.events, config: platform.config })
  const approval = createApprovalService({ platform, catalog, directory, workflow, certificate, rating })
  const enterprise = createEnterpriseService({ platform, workflow, rating, catalog, approval, directory })
  const policy = createPolicy(platform, { workflow, rating, catalog, enterprise })
  const hotline = createHotline(platform, workflow, directory)
  // Who may read an attached file: whoever may read its object, by each module's own read path.
  const { files } = platform
  files.registerReader(
    APPROVAL_SUBJECT,
    readerFromGet(null, (p, id) => approval.get(p, id)),
  )
  files.registerReader(
    HOTLINE_SUBJECT,
    readerFromGet('hotline:read', (p, id) => hotline.get(p, principalActor(p), id)),
  )
  files.registerReader(
    REQUEST_SUBJECT,
    readerFromGet(null, (p, id) => enterprise.getRequest(p, id)),
  )
  const policyDetail = (p: Principal, id: string) =>
    p.capabilities.has('policy:read') ? policy.staffDetail(id) : policy.publicDetail(id)
  files.registerReader(POLICY_FILE_SUBJECT, readerFromGet(null, policyDetail))
  return { directory, catalog, workflow, rating, certificate, approval, enterprise, policy, hotline }
}

export interface BuildOptions {
  /** Serve the built web app (apps/web/dist) at /. */
  serveWeb?: boolean
  /** Another build to serve instead of apps/web/dist (the load benchmark's baseline). */
  webRoot?: string
  /** Send the build's precompressed `.br`/`.gz` files (default true). */
  webPrecompressed?: boolean
  logger?: boolean
}

/** Builds the whole HTTP application without listening (tests use app.inject). */
export async function buildApp(
  platform: Platform,
  services: Services,
  opts: BuildOptions = {},
): Promise<FastifyInstance> {
  const limits: ErrorLimits = {
    uploadMaxBytes: platform.config.uploadMaxBytes,
    multipartFiles: 1,
    multipartFields: 20,
    maxParamLength: 100,
  }
  const common = {
    genReqId: () => crypto.randomUUID(),
    // Fastify's overloads need one literal type here; the value may also be a hop count or an address list.
    trustProxy: platform.config.trustProxy as boolean,
    bodyLimit: 2 * 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: limits.maxParamLength },
    // Router refusals (a path parameter over maxParamLength, an undecodable URL) in the coded shape too.
    frameworkErrors: frameworkErrorHandler(limits),
    // Malformed HTTP (e.g. raw non-ASCII in the URL) still gets the coded error shape.
    clientErrorHandler: (_err: Error, socket: import('node:net').Socket) => {
      const body = JSON.stringify({ code: 'BAD_REQUEST', message: '请求格式不正确', requestId: '' })
      if (socket.writable)
        socket.end(
          `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
        )
    },
  }
  const app: FastifyInstance =
    opts.logger === false
      ? Fastify({ ...common, logger: false })
      : Fastify({
          ...common,
          loggerInstance: platform.log,
          // The readable format logs each request as one short line instead (registerRequestLog).
          logController: new LogController({ disableRequestLogging: platform.config.logFormat === 'pretty' }),
        })
  if (opts.logger !== false && platform.config.logFormat === 'pretty') registerRequestLog(app, 'pretty')
  app.decorate('platform', platform)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandler(app, limits)
  registerInputGuard(app)

  await app.register(cookie)
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Ant Design injects its CSS-in-JS as <style> elements
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Added per request below, only over HTTPS: on plain HTTP (an intranet install on an IP address) it
        // would send the browser to an https:// that does not exist.
        upgradeInsecureRequests: null,
      },
    },
  })
  app.addHook('onSend', async (req, reply) => {
    const csp = reply.getHeader('content-security-policy')
    if (typeof csp === 'string' && req.protocol === 'https' && !csp.includes('upgrade-insecure-requests'))
      reply.header('content-security-policy', `${csp};upgrade-insecure-requests`)
  })
  await app.register(rateLimit, { global: false, errorResponseBuilder: () => rateLimited() })
  await app.register(multipart, {
    limits: { fileSize: limits.uploadMaxBytes, files: limits.multipartFiles, fields: limits.multipartFields },
  })

  // Metrics: one registry per app so several apps in one test process do not collide.
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const httpDuration = new Histogram({
    name: 'ruyu_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  })
  app.addHook('onResponse', async (req, reply) => {
    httpDuration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unknown', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    )
  })

  await app.register(swagger, {
    openapi: {
      info: { title: '如鱼政务服务平台 API (Ruyu)', version: '0.1.0', description: 'See docs/api.md' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ruyu_sid' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })

  registerAccess(app, platform.auth, { metricsToken: platform.config.metricsToken })

  app.get('/healthz', { config: { access: 'public' } }, async (_req, reply) => {
    try {
      await platform.db.query('select 1')
      return { status: 'ok' }
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' })
    }
  })
  // Prometheus: a session or key holding ops:metrics, or `Authorization: Bearer <METRICS_TOKEN>`.
  app.get('/metrics', { config: { access: 'ops:metrics' } }, async (_req, reply) => {
    reply.header('content-type', registry.contentType)
    return registry.metrics()
  })

  await app.register(platformRoutes)
  await app.register(directoryRoutes(services.directory), { prefix: '/api/directory' })
  await app.register(catalogRoutes(services.catalog), { prefix: '/api/catalog' })
  await app.register(workflowRoutes(services.workflow), { prefix: '/api/workflow' })
  await app.register(ratingRoutes(services.rating), { prefix: '/api/ratings' })
  await app.register(approvalRoutes(services.approval), { prefix: '/api/approval' })
  await app.register(certificateRoutes(services.certificate), { prefix: '/api' })
  await app.register(certificateWellKnownRoutes(services.certificate))
  await app.register(enterpriseRoutes(services.enterprise), { prefix: '/api/enterprise' })
  await app.register(enterprisePublicRoutes(services.enterprise), { prefix: '/api/public/enterprise' })
  await app.register(policyRoutes(services.policy), { prefix: '/api/policy' })
  await app.register(policyPublicRoutes(services.policy), { prefix: '/api/public' })
  await app.register(hotlineRoutes(services.hotline), { prefix: '/api/hotline' })
  await app.register(hotlinePublicRoutes(services.hotline), { prefix: '/api/public/hotline' })
  await app.register(open311Routes(services.hotline), { prefix: '/open311' })

  const webRoot = opts.webRoot ?? WEB_DIST
  if (opts.serveWeb && fs.existsSync(path.join(webRoot, 'index.html'))) {
    await registerWeb(app, { root: webRoot, precompressed: opts.webPrecompressed })
  }
  return app
}

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import {
  AppError,
  badRequest,
  bodyTooLarge,
  multipartInvalid,
  multipartTooManyParts,
  rateLimited,
  routeNotFound,
  unsupportedMediaType,
  uriTooLong,
  validationFailed,
} from '../errors.ts'
import { isMalformedMultipart } from './input-guard.ts'
import { appErrorOfPg } from './pg-errors.ts'
import { issuesOf } from './validation-issues.ts'

export type Lang = 'zh' | 'en'

/** zh-CN unless the caller prefers English (Accept-Language starting with en). */
export function langOf(req: FastifyRequest): Lang {
  const h = req.headers['accept-language']
  return typeof h === 'string' && /^en\b/i.test(h.trim()) ? 'en' : 'zh'
}

/** Limits the handler names in its messages (they are configured where the plugins are registered). */
export interface ErrorLimits {
  uploadMaxBytes: number
  multipartFiles: number
  multipartFields: number
  maxParamLength: number
}

/** 2097152 → "2 MB", 65536 → "64 KB". */
export function formatBytes(n: number): string {
  const fmt = (x: number) => String(Math.round(x * 10) / 10)
  if (n >= 1024 * 1024) return `${fmt(n / (1024 * 1024))} MB`
  if (n >= 1024) return `${fmt(n / 1024)} KB`
  return `${n} B`
}

function send(req: FastifyRequest, reply: FastifyReply, e: AppError) {
  const lang = langOf(req)
  return reply.code(e.status).send({
    code: e.code,
    message: e.messages[lang],
    ...(e.details ? { details: e.details } : {}),
    requestId: req.id,
  })
}

/** Fastify's own router errors (param too long, undecodable URL), answered in the project's shape. */
export function frameworkErrorHandler(limits: ErrorLimits) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply) =>
    send(
      req,
      reply,
      err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? uriTooLong({ limit: limits.maxParamLength }, { limit: limits.maxParamLength })
        : badRequest({ reason: err.message }, { fastifyCode: err.code }),
    )
}

function appErrorOf(err: FastifyError | Error, req: FastifyRequest, limits: ErrorLimits): AppError | null {
  if (err instanceof AppError) return err
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = issuesOf(err as FastifyError, req)
    return validationFailed(undefined, { issues: langOf(req) === 'en' ? issues.en : issues.zh })
  }
  if (isMalformedMultipart(err)) return multipartInvalid(undefined, { reason: err.message })
  const pg = appErrorOfPg(err)
  if (pg) {
    // A service let the database be the check: answer 4xx, but make the missing check visible.
    req.log.warn({ err }, 'database refused the input')
    return pg
  }
  const fe = err as FastifyError
  const code = fe.code
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE') {
    const bytes = code === 'FST_REQ_FILE_TOO_LARGE' ? limits.uploadMaxBytes : req.routeOptions.bodyLimit
    return bodyTooLarge({ limit: formatBytes(bytes) }, { limitBytes: bytes })
  }
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    const l = { files: limits.multipartFiles, fields: limits.multipartFields }
    return multipartTooManyParts(l, l)
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return unsupportedMediaType()
  if (fe.statusCode === 429) return rateLimited()
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return badRequest({ reason: fe.message }, { fastifyCode: code })
  return null
}

export function registerErrorHandler(app: FastifyInstance, limits: ErrorLimits) {
  app.setErrorHandler((err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) => {
    const appErr = appErrorOf(err, req, limits)
    if (appErr) return send(req, reply, appErr)
    req.log.error({ err }, 'unhandled error')
    return reply.code(500).send({
      code: 'INTERNAL_ERROR',
      message: langOf(req) === 'en' ? 'Internal error; the request id was logged' : '系统内部错误，已记录请求编号',
      requestId: req.id,
    })
  })

  app.setNotFoundHandler((req, reply) => {
    const e = routeNotFound()
    return reply.code(404).send({ code: e.code, message: e.messages[langOf(req)], requestId: req.id })
  })
}

import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import { isPublicPagePath } from '@ruyu/contracts/public-pages'
import type { FastifyInstance } from 'fastify'
import { routeNotFound } from '../errors.ts'
import { SESSION_COOKIE } from './access.ts'
import { langOf } from './error-handler.ts'

export interface WebOptions {
  /** The built web app (apps/web/dist). */
  root: string
  /**
   * Send the `.br` / `.gz` files the build wrote next to each asset to browsers that accept them (default true).
   * Off only for the benchmark's uncompressed baseline.
   */
  precompressed?: boolean
}

/**
 * Serves the single-page app. Two HTML pages: `public.html` (the public pages' small bundle) for the paths in
 * packages/contracts/src/public-pages.ts and for `/` without a session (it forwards to the login page), and
 * `index.html` (the console) for every other client-side route.
 */
export async function registerWeb(app: FastifyInstance, opts: WebOptions): Promise<void> {
  const { root } = opts
  const hasPublicPage = fs.existsSync(path.join(root, 'public.html'))
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    preCompressed: opts.precompressed ?? true,
    setHeaders: (reply, file) => {
      // Vite names assets by content hash: cache them for good; the HTML never.
      reply.header(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      )
    },
  })
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const rel = (req.params as { '*': string })['*']
    if (rel && !rel.startsWith('api/') && !rel.includes('..') && fs.existsSync(path.join(root, rel)))
      return reply.sendFile(rel)
    if (rel.startsWith('api/')) {
      const e = routeNotFound()
      return reply.code(404).send({ code: e.code, message: e.messages[langOf(req)], requestId: req.id })
    }
    const pathname = `/${rel}`
    const anonymousHome = pathname === '/' && !req.cookies?.[SESSION_COOKIE]
    reply.header('cache-control', 'no-cache')
    // Client-side routes (/directory/divisions …) load the console; the public pages their own bundle.
    return reply.sendFile(hasPublicPage && (isPublicPagePath(pathname) || anonymousHome) ? 'public.html' : 'index.html')
  })
}

import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import { PUBLIC_PAGE_MODULES, PUBLIC_PAGE_PATHS, type PublicPagePath, publicPageOf } from '@ruyu/contracts/public-pages'
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

interface ManifestChunk {
  file: string
  imports?: string[]
  css?: string[]
}

/**
 * public.html per public page, with `<link rel="modulepreload">` for the chunks of that page's lazy module (from
 * the build manifest) that the HTML does not list yet: the browser then fetches them alongside the entry instead
 * of after it has run, one round trip less on a phone. Null without a manifest (an old or a hand-made build).
 */
function publicPagesWithPreload(root: string): Map<PublicPagePath, string> | null {
  const manifestFile = path.join(root, '.vite', 'manifest.json')
  if (!fs.existsSync(manifestFile)) return null
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>
  const html = fs.readFileSync(path.join(root, 'public.html'), 'utf8')
  const pages = new Map<PublicPagePath, string>()
  for (const page of PUBLIC_PAGE_PATHS) {
    const seen = new Set<string>()
    const stack = [PUBLIC_PAGE_MODULES[page]]
    while (stack.length) {
      const key = stack.pop() as string
      if (seen.has(key) || !manifest[key]) continue
      seen.add(key)
      stack.push(...(manifest[key].imports ?? []))
    }
    const links: string[] = []
    for (const key of seen) {
      const chunk = manifest[key] as ManifestChunk
      if (!html.includes(`/${chunk.file}"`)) links.push(`<link rel="modulepreload" crossorigin href="/${chunk.file}">`)
      for (const css of chunk.css ?? [])
        if (!html.includes(`/${css}"`)) links.push(`<link rel="preload" as="style" crossorigin href="/${css}">`)
    }
    const tags = [...new Set(links)].join('\n    ')
    pages.set(page, tags ? html.replace('</head>', `  ${tags}\n  </head>`) : html)
  }
  return pages
}

/**
 * Serves the single-page app. Two HTML pages: `public.html` (the public pages' small bundle) for the paths in
 * packages/contracts/src/public-pages.ts and for `/` without a session (it forwards to the login page), and
 * `index.html` (the console) for every other client-side route.
 */
export async function registerWeb(app: FastifyInstance, opts: WebOptions): Promise<void> {
  const { root } = opts
  const hasPublicPage = fs.existsSync(path.join(root, 'public.html'))
  const preloaded = hasPublicPage ? publicPagesWithPreload(root) : null
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
    const page = publicPageOf(pathname) ?? (anonymousHome ? '/login' : undefined)
    const html = page && preloaded?.get(page)
    if (html) return reply.type('text/html; charset=utf-8').send(html)
    return reply.sendFile(hasPublicPage && page ? 'public.html' : 'index.html')
  })
}

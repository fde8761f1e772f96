import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import cookie from '@fastify/cookie'
import { PUBLIC_PAGE_MODULES } from '@ruyu/contracts/public-pages'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE } from '../http/access.ts'
import { registerWeb } from '../http/web.ts'

// A fake build: the two HTML pages and one asset with the .br/.gz files the web build writes next to it.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ruyu-web-'))
const js = 'console.log("ruyu");\n'.repeat(200)

async function serve(precompressed?: boolean): Promise<FastifyInstance> {
  const app = Fastify()
  await app.register(cookie)
  await registerWeb(app, { root, precompressed })
  return app
}

describe('serving the built web app', () => {
  let app: FastifyInstance
  let plain: FastifyInstance
  beforeAll(async () => {
    fs.mkdirSync(path.join(root, 'assets'))
    fs.writeFileSync(path.join(root, 'index.html'), '<title>console</title>')
    fs.writeFileSync(path.join(root, 'public.html'), '<title>public</title>')
    fs.writeFileSync(path.join(root, 'assets/app-abc.js'), js)
    fs.writeFileSync(path.join(root, 'assets/app-abc.js.br'), brotliCompressSync(js))
    fs.writeFileSync(path.join(root, 'assets/app-abc.js.gz'), gzipSync(js))
    app = await serve()
    plain = await serve(false)
  })
  afterAll(async () => {
    await app.close()
    await plain.close()
    fs.rmSync(root, { recursive: true, force: true })
  })

  it('sends the precompressed brotli or gzip file to browsers that accept it, the raw file otherwise', async () => {
    const br = await app.inject({ url: '/assets/app-abc.js', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/javascript/)
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(br.headers['cache-control']).toContain('immutable')
    expect(br.rawPayload.length).toBeLessThan(js.length / 10)

    const gz = await app.inject({ url: '/assets/app-abc.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')

    const raw = await app.inject({ url: '/assets/app-abc.js', headers: { 'accept-encoding': 'identity' } })
    expect(raw.headers['content-encoding']).toBeUndefined()
    expect(raw.body).toBe(js)

    const off = await plain.inject({ url: '/assets/app-abc.js', headers: { 'accept-encoding': 'br' } })
    expect(off.headers['content-encoding']).toBeUndefined()
    expect(off.body).toBe(js)
  })

  it('answers the public pages with the public bundle and every other route with the console', async () => {
    for (const url of ['/12345', '/12345/track?number=1', '/verify/YT-2026-1?s=abc', '/login', '/register']) {
      const res = await app.inject({ url })
      expect(res.statusCode, url).toBe(200)
      expect(res.body, url).toContain('public')
      expect(res.headers['cache-control'], url).toBe('no-cache')
    }
    for (const url of ['/directory/divisions', '/hotline/orders/1', '/12345/other', '/verify']) {
      expect((await app.inject({ url })).body, url).toContain('console')
    }
  })

  it('sends an anonymous visitor of / the public bundle, a signed-in one the console', async () => {
    expect((await app.inject({ url: '/' })).body).toContain('public')
    const signedIn = await app.inject({ url: '/', cookies: { [SESSION_COOKIE]: 'token' } })
    expect(signedIn.body).toContain('console')
  })

  it('answers an unknown /api path with a coded 404, not a page', async () => {
    const res = await app.inject({ url: '/api/nope' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) })
  })
})

describe('preloading the public pages', () => {
  const built = fs.mkdtempSync(path.join(os.tmpdir(), 'ruyu-web-manifest-'))
  let app: FastifyInstance
  beforeAll(async () => {
    fs.mkdirSync(path.join(built, '.vite'))
    fs.writeFileSync(path.join(built, 'index.html'), '<head></head>console')
    fs.writeFileSync(
      path.join(built, 'public.html'),
      '<head><script type="module" src="/assets/public-1.js"></script>\n<link rel="modulepreload" href="/assets/react-1.js">\n  </head>public',
    )
    fs.writeFileSync(
      path.join(built, '.vite/manifest.json'),
      JSON.stringify({
        'public.html': { file: 'assets/public-1.js', imports: ['_react-1.js'] },
        '_react-1.js': { file: 'assets/react-1.js' },
        '_form-1.js': { file: 'assets/form-1.js', imports: ['_react-1.js'], css: ['assets/form-1.css'] },
        'src/modules/hotline/pages/public-submit-page.tsx': {
          file: 'assets/public-submit-page-1.js',
          imports: ['_form-1.js', '_react-1.js'],
        },
      }),
    )
    app = Fastify()
    await app.register(cookie)
    await registerWeb(app, { root: built })
  })
  afterAll(async () => {
    await app.close()
    fs.rmSync(built, { recursive: true, force: true })
  })

  it("lists the page module's chunks as modulepreload links, and leaves other pages as built", async () => {
    const res = await app.inject({ url: '/12345?x=1' })
    expect(res.headers['content-type']).toMatch(/text\/html/)
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.body).toContain('<link rel="modulepreload" crossorigin href="/assets/public-submit-page-1.js">')
    expect(res.body).toContain('<link rel="modulepreload" crossorigin href="/assets/form-1.js">')
    expect(res.body).toContain('<link rel="preload" as="style" crossorigin href="/assets/form-1.css">')
    // Already in the HTML through the entry.
    expect(res.body.split('href="/assets/react-1.js"')).toHaveLength(2)
    expect(res.body.indexOf('modulepreload')).toBeLessThan(res.body.indexOf('</head>'))

    const track = await app.inject({ url: '/12345/track' })
    expect(track.body).toContain('public')
    expect(track.body).not.toContain('public-submit-page')
    expect((await app.inject({ url: '/directory/divisions' })).body).toContain('console')
  })

  it('names page modules that exist in the web app', () => {
    const web = path.resolve(import.meta.dirname, '../../../../web')
    for (const [page, file] of Object.entries(PUBLIC_PAGE_MODULES))
      expect(fs.existsSync(path.join(web, file)), `${page}: ${file}`).toBe(true)
  })
})

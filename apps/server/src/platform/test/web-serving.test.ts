import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import cookie from '@fastify/cookie'
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

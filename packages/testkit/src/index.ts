import { randomBytes } from 'node:crypto'
import { buildApp, type Services } from '@ruyu/server'
import type { Platform } from '@ruyu/server/platform/platform'
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import pg from 'pg'
import { inject } from 'vitest'
import { buildTestPlatform, DEMO_PASSWORD } from './platform.ts'

export { DEMO_PASSWORD } from './platform.ts'

export interface TestContext {
  app: FastifyInstance
  platform: Platform
  services: Services
  url: string
  /** Logs in a demo (or any) account and returns a client that sends its cookie and CSRF token. */
  login(username: string, password?: string): Promise<Client>
  /** A client with no session. */
  anonymous(): Client
  close(): Promise<void>
}

export interface Client {
  username?: string
  csrfToken?: string
  cookie?: string
  request(opts: InjectOptions): Promise<LightMyRequestResponse>
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>
  delete(url: string): Promise<LightMyRequestResponse>
}

function client(app: FastifyInstance, auth: { cookie?: string; csrfToken?: string; username?: string }): Client {
  const request = (opts: InjectOptions) =>
    app.inject({
      ...opts,
      headers: {
        ...(auth.cookie ? { cookie: auth.cookie } : {}),
        ...(auth.csrfToken ? { 'x-csrf-token': auth.csrfToken } : {}),
        ...(opts.headers ?? {}),
      },
    })
  return {
    ...auth,
    request,
    get: (url, headers) => request({ method: 'GET', url, headers }),
    post: (url, body, headers) => request({ method: 'POST', url, payload: body as InjectOptions['payload'], headers }),
    put: (url, body) => request({ method: 'PUT', url, payload: body as InjectOptions['payload'] }),
    delete: (url) => request({ method: 'DELETE', url }),
  }
}

/** Clones the seeded template into a fresh database for this test file and builds the app on it. */
export async function createTestContext(
  opts: { jobs?: boolean; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const { serverUrl, template } = inject('testDb')
  const name = `ruyu_t_${process.ppid}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database "${name}" template "${template}"`)
      break
    } catch (err) {
      // Two workers cloning the template at the same instant: PostgreSQL asks one to retry.
      if ((err as { code?: string }).code !== '55006' || attempt > 20) throw err
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200))
    }
  }
  await admin.end()
  const u = new URL(serverUrl)
  u.pathname = `/${name}`
  const url = u.toString()
  const { platform, services } = await buildTestPlatform(url, opts)
  const app = await buildApp(platform, services, { logger: false })
  let loginCount = 0
  await app.ready()
  return {
    app,
    platform,
    services,
    url,
    async login(username, password = DEMO_PASSWORD) {
      // Each test login comes from its own address, so the per-client login rate limit is not what a test trips over.
      loginCount++
      const remoteAddress = `127.${(loginCount >> 16) & 255}.${(loginCount >> 8) & 255}.${loginCount & 255}`
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
        remoteAddress,
      })
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`)
      const setCookie = res.headers['set-cookie']
      const raw = Array.isArray(setCookie) ? setCookie[0]! : String(setCookie)
      return client(app, { cookie: raw.split(';')[0], csrfToken: res.json().csrfToken, username })
    },
    anonymous: () => client(app, {}),
    async close() {
      await app.close()
      await platform.close()
      const a = new pg.Client({ connectionString: serverUrl })
      await a.connect()
      await a.query(`drop database if exists "${name}" with (force)`).catch(() => {})
      await a.end()
    },
  }
}
export { concreteUrl } from './routes.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { serverUrl: string; template: string }
  }
}

import http from 'node:http'
import type { Platform } from './platform.ts'

export interface HealthServer {
  port: number
  close(): Promise<void>
}

/**
 * The health endpoints of a RUYU_ROLE=worker node, which serves no HTTP API: GET /healthz (the process is up) and
 * GET /readyz (200 when the database answers and pg-boss runs, 503 with what is down), JSON like the API node's.
 */
export async function startWorkerHealth(
  platform: Pick<Platform, 'db' | 'jobs'>,
  port: number,
  host: string,
): Promise<HealthServer> {
  const server = http.createServer((req, res) => {
    const send = (code: number, body: object) => {
      res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
      res.end(JSON.stringify(body))
    }
    const url = (req.url ?? '/').split('?')[0]
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { status: 'method not allowed' })
    if (url === '/healthz') return send(200, { status: 'ok', role: 'worker' })
    if (url !== '/readyz') return send(404, { status: 'not found' })
    void (async () => {
      const database = await platform.db
        .query('select 1')
        .then(() => 'ok' as const)
        .catch(() => 'unreachable' as const)
      const jobs = platform.jobs.healthy() ? ('ok' as const) : ('down' as const)
      const ready = database === 'ok' && jobs === 'ok'
      send(ready ? 200 : 503, { status: ready ? 'ok' : 'unavailable', role: 'worker', database, jobs })
    })()
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address()
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

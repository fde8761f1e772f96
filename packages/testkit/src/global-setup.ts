import './index.ts'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ensureDatabase } from '@ruyu/server/platform/database-runtime'
import { startEmbeddedPg } from '@ruyu/server/platform/embedded-pg'
import { migrate } from '@ruyu/server/platform/migrate'
import { seed } from '@ruyu/server/seed'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { buildTestPlatform, TEMPLATE_PREFIX } from './platform.ts'

/**
 * Once per `vitest run`: a real PostgreSQL (TEST_DATABASE_URL's server, or an embedded one in a temp dir), and a
 * template database migrated and seeded with Muping reference data and demo accounts. Each test file clones it.
 */
export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL
  let stopServer: (() => Promise<void>) | undefined
  let tmp: string | undefined
  if (!serverUrl) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ruyu-test-'))
    const server = await startEmbeddedPg({ dataDir: tmp, ephemeral: true })
    serverUrl = server.url
    stopServer = server.stop
  }
  const template = `${TEMPLATE_PREFIX}${process.pid}`
  const url = await ensureDatabase(serverUrl, template)
  const { platform, services } = await buildTestPlatform(url, { migrateFirst: migrate })
  await seed(platform, services, { demo: true })
  await platform.close()
  project.provide('testDb', { serverUrl, template })

  return async () => {
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    // Drop this run's databases (matters on an external TEST_DATABASE_URL server).
    const dbs = await admin.query(`select datname from pg_database where datname like $1 or datname = $2`, [
      `ruyu_t_${process.pid}_%`,
      template,
    ])
    for (const d of dbs.rows) await admin.query(`drop database if exists "${d.datname}" with (force)`).catch(() => {})
    await admin.end()
    await stopServer?.()
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
  }
}

import os from 'node:os'
import path from 'node:path'
import { createServices, type Services } from '@ruyu/server'
import { loadConfig } from '@ruyu/server/platform/config'
import { createDb, type Db } from '@ruyu/server/platform/db'
import { createPlatform, type Platform } from '@ruyu/server/platform/platform'
import pino from 'pino'

export const TEMPLATE_PREFIX = 'ruyu_tpl_'
export const DEMO_PASSWORD = 'Ruyu@2026'

/** A platform on a given database with test settings (demo on, no background jobs, quiet logs). */
export async function buildTestPlatform(
  url: string,
  opts: { jobs?: boolean; migrateFirst?: (db: Db) => Promise<unknown>; env?: Record<string, string> } = {},
): Promise<{ platform: Platform; services: Services }> {
  const config = loadConfig({
    RUYU_DATA_DIR: path.join(os.tmpdir(), `ruyu-test-files-${process.pid}`),
    RUYU_DEMO: 'true',
    RUYU_DEMO_PASSWORD: DEMO_PASSWORD,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...opts.env,
  })
  config.jobs = opts.jobs ?? false
  const db = createDb(url, { max: 10 })
  await opts.migrateFirst?.(db)
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' })
  const platform = await createPlatform(config, url, log as never, db)
  return { platform, services: createServices(platform) }
}

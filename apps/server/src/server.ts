import { buildApp, createServices } from './app.ts'
import { loadConfig, startupWarnings } from './platform/config.ts'
import { startDatabase } from './platform/database-runtime.ts'
import { createDb } from './platform/db.ts'
import { createLogger, resolveLogFormat } from './platform/logger.ts'
import { migrate } from './platform/migrate.ts'
import { createPlatform } from './platform/platform.ts'
import { DEMO_ACCOUNTS } from './platform/seed-accounts.ts'
import { type HealthServer, startWorkerHealth } from './platform/worker-health.ts'
import { isSeeded, seedIfNeeded } from './seed.ts'

/** `npm start`: database (embedded unless DATABASE_URL), migrations, first-run seed, HTTP + workers. */
async function main() {
  const t0 = Date.now()
  const config = loadConfig()
  config.logFormat = resolveLogFormat(config.logFormat, process.stdout, config.production)
  const log = createLogger(config.logLevel, undefined, config.logFormat)
  for (const warning of startupWarnings(config)) log.warn(warning)
  // PostgreSQL runs in its own process group, so a killed server can leave it running: say so when it is adopted.
  const database = await startDatabase(config, { log: (line) => log.warn(line) })
  let platform: Awaited<ReturnType<typeof createPlatform>> | undefined
  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log.info(`${signal}: stopping Ruyu`)
    try {
      await app?.close()
      await health?.close()
      await platform?.close()
    } finally {
      await database.stop()
      log.info('stopped cleanly')
      process.exit(0)
    }
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))

  let app: Awaited<ReturnType<typeof buildApp>> | undefined
  let health: HealthServer | undefined
  try {
    const db = createDb(database.url)
    const applied = await migrate(db)
    if (applied.length) log.info(`applied ${applied.length} migration(s)`)
    platform = await createPlatform(config, database.url, log, db)
    const services = createServices(platform)
    if (!(await isSeeded(platform))) {
      const report = await seedIfNeeded(platform, services, { demo: config.demo, scenario: true })
      if (report) log.info(report, 'loaded Muping reference data (first start or newer seed)')
    }
    if (config.role !== 'worker') {
      app = await buildApp(platform, services, { serveWeb: true })
      await app.listen({ port: config.port, host: config.host })
    } else health = await startWorkerHealth(platform, config.workerHealthPort, config.host)
    await platform.startBackground()
  } catch (err) {
    log.error(err)
    await platform?.close().catch(() => {})
    await database.stop()
    process.exit(1)
  }

  if (config.role === 'worker') {
    log.info(`Ruyu worker running; health http://localhost:${health?.port}/healthz and /readyz`)
    return
  }
  const url = `http://localhost:${config.port}`
  const lines = [
    '',
    `  如鱼政务服务平台 Ruyu is running at ${url}  (started in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
    `  API docs ${url}/docs · health ${url}/healthz · database ${database.embedded ? `embedded PostgreSQL (${config.dataDir})` : 'DATABASE_URL'}`,
  ]
  if (config.demo) {
    lines.push(`  Demo accounts (password ${config.demoPassword}):`)
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.username.padEnd(11)} ${a.role.padEnd(17)} ${a.displayName}`)
  }
  // Repeated under the banner: the start-up warning has scrolled away by now.
  for (const warning of startupWarnings(config)) lines.push(`  ! ${warning}`)
  lines.push('  Press Ctrl-C to stop.', '')
  console.log(lines.join('\n'))
}

void main()

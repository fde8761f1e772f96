import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { ROLES } from '@ruyu/contracts/access'
import { ImportScheduleSchema } from '@ruyu/contracts/platform'
import { createServices } from '../app.ts'
import { generateHotlineScenario } from '../modules/hotline/index.ts'
import { SYSTEM_ACTOR, verifyAudit } from '../platform/audit.ts'
import { loadConfig } from '../platform/config.ts'
import { startDatabase } from '../platform/database-runtime.ts'
import { createDb } from '../platform/db.ts'
import { AppError } from '../platform/errors.ts'
import { createLogger } from '../platform/logger.ts'
import { migrate } from '../platform/migrate.ts'
import { createPlatform, type Platform } from '../platform/platform.ts'
import { markSeeded, seed } from '../seed.ts'
import { CERTIFICATE_USAGE, certificateCommand } from './certificate.ts'
import { progressBar } from './progress.ts'

const USAGE = `Usage: ruyu <command> [options]

Commands:
  serve [--role api|worker|all]       start the platform (same as npm start)
  migrate                             apply database migrations
  seed [--demo]                       load Muping reference data (and demo accounts with --demo)
  seed hotline --division CODE --orders N --year YYYY [--seed N] [--replace]
                                      generate a year of scenario 12345 orders (source 'scenario')
  user create --username U --name N --kind staff|enterprise|citizen --role R --scope CODE
              [--department CODE] [--mobile M] [--uscc USCC] [--password P]
  holidays import FILE --year YYYY    import a year's holiday schedule (JSON: {source, holidays, workdays})
  audit verify                        check the audit log hash chain; exit 1 if it was tampered with
${CERTIFICATE_USAGE}

Environment: DATABASE_URL (external PostgreSQL) or RUYU_DATA_DIR (embedded, default ./.ruyu).`

async function withPlatform<T>(fn: (p: Platform) => Promise<T>): Promise<T> {
  const config = loadConfig()
  config.jobs = false
  // The CLI connects to a running embedded server (npm start) if there is one, and never stops it.
  const database = await startDatabase(config, { adopt: false })
  const db = createDb(database.url, { max: 4 })
  try {
    await migrate(db)
    const platform = await createPlatform(config, database.url, createLogger('warn'), db)
    try {
      return await fn(platform)
    } finally {
      await platform.close()
    }
  } finally {
    await database.stop()
  }
}

/** `ruyu seed hotline`: a realistic year of scenario work orders for a division, with a progress bar. */
async function seedHotlineScenario(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      division: { type: 'string', default: '370612002' },
      orders: { type: 'string', default: '10810' },
      year: { type: 'string', default: String(new Date().getFullYear()) },
      seed: { type: 'string', default: '1' },
      replace: { type: 'boolean', default: false },
    },
  })
  const report = await withPlatform(async (p) => {
    const bar = progressBar(`generating ${values.orders} orders`)
    const r = await generateHotlineScenario(
      p,
      {
        divisionCode: values.division!,
        orders: Number(values.orders),
        year: Number(values.year),
        seed: Number(values.seed),
        replace: values.replace,
      },
      (done, total) => bar.update(done, total),
    )
    bar.done()
    return r
  })
  console.log(report)
  return 0
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({ args: argv.slice(1), options: { role: { type: 'string' } } })
      if (values.role) process.env.RUYU_ROLE = values.role
      await import('../server.ts')
      return -1 // keeps running
    }
    case 'migrate': {
      const applied = await withPlatform(async () => [] as string[])
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date')
      return 0
    }
    case 'seed': {
      if (sub === 'hotline') return seedHotlineScenario(rest)
      const { values } = parseArgs({ args: argv.slice(1), options: { demo: { type: 'boolean', default: false } } })
      const report = await withPlatform(async (p) => {
        const r = await seed(p, createServices(p), { demo: values.demo ?? false })
        await markSeeded(p)
        return r
      })
      console.log(report)
      return 0
    }
    case 'user': {
      if (sub !== 'create') break
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          name: { type: 'string' },
          kind: { type: 'string', default: 'staff' },
          role: { type: 'string' },
          scope: { type: 'string', default: '370612' },
          department: { type: 'string' },
          mobile: { type: 'string' },
          uscc: { type: 'string' },
          password: { type: 'string' },
        },
      })
      if (!values.username || !values.name || !values.role) {
        console.error('user create needs --username, --name and --role')
        console.error(`roles: ${ROLES.join(', ')}`)
        return 2
      }
      const password = values.password ?? process.env.RUYU_NEW_PASSWORD
      if (!password) {
        console.error('give --password or set RUYU_NEW_PASSWORD')
        return 2
      }
      const id = await withPlatform(async (p) => {
        const services = createServices(p)
        const departmentId = values.department ? await services.directory.departmentIdByCode(values.department) : null
        if (values.department && !departmentId) throw new Error(`unknown department code ${values.department}`)
        return p.db.tx((tx) =>
          p.auth.createUser(tx, SYSTEM_ACTOR, {
            username: values.username!,
            displayName: values.name!,
            kind: values.kind as 'staff',
            password,
            mobile: values.mobile,
            enterpriseUscc: values.uscc,
            posts: [{ role: values.role!, scopeDivisionCode: values.scope!, departmentId }],
          }),
        )
      })
      console.log(`created user ${values.username} (${id})`)
      return 0
    }
    case 'holidays': {
      if (sub !== 'import') break
      const { values, positionals } = parseArgs({
        args: rest,
        options: { year: { type: 'string' } },
        allowPositionals: true,
      })
      const file = positionals[0]
      if (!file || !values.year) {
        console.error('holidays import FILE --year YYYY')
        return 2
      }
      const parsed = ImportScheduleSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
      if (!parsed.success) {
        console.error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'))
        return 2
      }
      const r = await withPlatform((p) => p.calendar.importYear(SYSTEM_ACTOR, Number(values.year), parsed.data))
      console.log(`imported ${r.year} schedule as version ${r.version}`)
      return 0
    }
    case 'audit': {
      if (sub !== 'verify') break
      const result = await withPlatform(async (p) => {
        const bar = progressBar('verifying audit log')
        const r = await verifyAudit(p.db.pool, (d, t) => bar.update(d, t))
        bar.done()
        return r
      })
      if (result.ok) {
        console.log(`audit log intact: ${result.rows} rows, hash chain verified`)
        return 0
      }
      console.error(`AUDIT LOG TAMPERED: ${result.problems.length} problem(s) in ${result.rows} rows`)
      for (const p of result.problems.slice(0, 50)) console.error(`  seq ${p.seq}: ${p.problem}`)
      return 1
    }
    case 'certificate':
      return certificateCommand(sub, rest, {
        localKeys: () => withPlatform((p) => createServices(p).certificate.publicKeys()),
        rotate: () => withPlatform((p) => createServices(p).certificate.rotateSigningKey(SYSTEM_ACTOR)),
      })
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE)
      return 0
  }
  console.error(USAGE)
  return 2
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code)
  },
  (err) => {
    console.error(err instanceof AppError ? `${err.code}: ${err.messages.zh}` : (err as Error).message)
    process.exit(1)
  },
)

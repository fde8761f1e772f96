import path from 'node:path'
import { z } from 'zod'

const bool = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes')

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('localhost'),
  DATABASE_URL: z.string().url().optional(),
  RUYU_DATA_DIR: z.string().optional(),
  RUYU_DEMO: bool.optional(),
  RUYU_ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  NODE_ENV: z.string().default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `auto`: readable lines on a terminal (outside production), JSON otherwise; `pretty` or `json` to choose. */
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  /** Failed logins per account from all addresses together, per lock window (the slower, global limit). */
  LOGIN_ACCOUNT_MAX_FAILURES: z.coerce.number().int().positive().default(100),
  /** Login attempts per client address per minute, counted in PostgreSQL (so shared by every node). */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().positive().default(20),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(128).default(8),
  /** Days before a password must be changed; 0 turns expiry off. */
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(0).default(90),
  /** How many previous passwords a new one must differ from; 0 turns the check off. */
  PASSWORD_HISTORY: z.coerce.number().int().min(0).max(24).default(5),
  /** Bearer token that may read /metrics (besides accounts and keys holding ops:metrics). */
  METRICS_TOKEN: z.string().min(16).optional(),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  /** Where uploaded content lives: `postgres` (shared by every node) or `s3://ACCESS:SECRET@host:port/bucket?…`. */
  FILES_URL: z
    .string()
    .regex(/^(postgres|s3:\/\/.+)$/, "'postgres' or s3://ACCESS:SECRET@host[:port]/bucket")
    .default('postgres'),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default('如鱼政务服务平台 <noreply@ruyu.local>'),
  SMS_GATEWAY_URL: z.string().url().optional(),
  RUYU_DEMO_PASSWORD: z.string().min(8).default('Ruyu@2026'),
  /** The district this installation serves (GB/T 2260 code); the seed's reference data is Muping's. */
  RUYU_DISTRICT_CODE: z
    .string()
    .regex(/^\d{6}$/)
    .default('370612'),
  RUYU_DISTRICT_NAME: z.string().min(1).default('牟平区'),
  /**
   * Behind a reverse proxy: `true`, a hop count, or the proxies' addresses (comma-separated). Off by default, so a
   * client cannot pick its own address (and dodge the login rate limit) with an X-Forwarded-For header.
   */
  TRUST_PROXY: z.string().default('false'),
  /** The address clients reach this installation at (https://ruyu.muping.gov.cn); public links are built from it. */
  PUBLIC_URL: z.string().url().optional(),
  /** Open311 refuses coordinates outside this box: minLat,minLng,maxLat,maxLng (WGS84; default: Muping + margin). */
  OPEN311_BBOX: z
    .string()
    .regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/)
    .default('36.95,121.25,37.65,121.95'),
  /** Seconds a fetched job may stay active before pg-boss retries it (a worker killed mid-job). */
  JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Port of the health server of a RUYU_ROLE=worker node (default: PORT). */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
})

export interface Config {
  /** The district served: the root of every division scope and of public location pickers. */
  district: { code: string; name: string }
  trustProxy: boolean | number | string
  /** Base URL for links the server publishes (no trailing slash); default http://HOST:PORT. */
  publicUrl: string
  /** Whether PUBLIC_URL was set (else publicUrl is the local default, and QR codes point to it). */
  publicUrlSet: boolean
  /** Coordinates Open311 accepts. */
  open311Bbox: { minLat: number; minLng: number; maxLat: number; maxLng: number }
  port: number
  host: string
  /** External PostgreSQL; when absent the embedded server is started under dataDir. */
  databaseUrl?: string
  dataDir: string
  demo: boolean
  demoPassword: string
  role: 'api' | 'worker' | 'all'
  production: boolean
  logLevel: string
  /** `auto` until start-up resolves it against the terminal (logger.ts resolveLogFormat). */
  logFormat: 'auto' | 'pretty' | 'json'
  sessionTtlHours: number
  loginMaxFailures: number
  loginLockMinutes: number
  loginAccountMaxFailures: number
  loginRatePerMinute: number
  passwordMinLength: number
  passwordMaxAgeDays: number
  passwordHistory: number
  metricsToken?: string
  uploadMaxBytes: number
  filesUrl: string
  smtpUrl?: string
  smtpFrom: string
  smsGatewayUrl?: string
  /** Start pg-boss workers and the outbox dispatcher (off in most tests). */
  jobs: boolean
  jobExpireSeconds: number
  /** Where a worker-only node answers /healthz and /readyz. */
  workerHealthPort: number
  /** Directory of the built web app, served at / when present. */
  webDist?: string
}

/** Reads and validates the environment; throws a readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  // npm runs workspace scripts inside the workspace; INIT_CWD is where the user typed `npm start`.
  const base = env.INIT_CWD ?? process.cwd()
  const production = e.NODE_ENV === 'production'
  return {
    district: { code: e.RUYU_DISTRICT_CODE, name: e.RUYU_DISTRICT_NAME },
    trustProxy: /^(true|yes|1)$/i.test(e.TRUST_PROXY)
      ? true
      : /^(false|no|0|)$/i.test(e.TRUST_PROXY)
        ? false
        : /^\d+$/.test(e.TRUST_PROXY)
          ? Number(e.TRUST_PROXY)
          : e.TRUST_PROXY,
    publicUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    publicUrlSet: !!e.PUBLIC_URL,
    open311Bbox: (([minLat, minLng, maxLat, maxLng]) => ({ minLat, minLng, maxLat, maxLng }))(
      e.OPEN311_BBOX.split(',').map(Number) as [number, number, number, number],
    ),
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(base, e.RUYU_DATA_DIR ?? '.ruyu'),
    demo: e.RUYU_DEMO ?? !production,
    demoPassword: e.RUYU_DEMO_PASSWORD,
    role: e.RUYU_ROLE,
    production,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginAccountMaxFailures: e.LOGIN_ACCOUNT_MAX_FAILURES,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    passwordMinLength: e.PASSWORD_MIN_LENGTH,
    passwordMaxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
    passwordHistory: e.PASSWORD_HISTORY,
    metricsToken: e.METRICS_TOKEN,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    filesUrl: e.FILES_URL,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    smsGatewayUrl: e.SMS_GATEWAY_URL,
    jobs: e.RUYU_ROLE !== 'api',
    jobExpireSeconds: e.JOB_EXPIRE_SECONDS,
    workerHealthPort: e.WORKER_HEALTH_PORT ?? e.PORT,
  }
}

/**
 * What an operator should hear about at start-up. Printed certificates and 12345 posters carry QR codes built from
 * PUBLIC_URL; without it they point to this machine's local address, which no phone can open.
 */
export function startupWarnings(config: Config): string[] {
  const out: string[] = []
  const host = new URL(config.publicUrl).hostname
  if (!config.publicUrlSet)
    out.push(
      `PUBLIC_URL is not set: links and QR codes on printed certificates and posters point to ${config.publicUrl}. ` +
        'Set PUBLIC_URL to the address people reach this installation at (e.g. https://ruyu.muping.gov.cn).',
    )
  else if (/^(localhost|127\.|\[?::1\]?$|0\.0\.0\.0$)/.test(host))
    out.push(
      `PUBLIC_URL is ${config.publicUrl}, a local address: QR codes on printed certificates and posters will not ` +
        'open on anyone else’s phone.',
    )
  return out
}

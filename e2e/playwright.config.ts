import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'

const here = path.dirname(fileURLToPath(import.meta.url))
const port = Number(process.env.E2E_PORT ?? 3100)
const baseURL = process.env.E2E_BASE_URL ?? `http://localhost:${port}`

/** Debian's chromium; no browser is downloaded (see STACK.md). */
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']

export default defineConfig({
  testDir: here,
  testMatch: '*.spec.ts',
  outputDir: 'artifacts/test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { outputFolder: 'artifacts/report', open: 'never' }]],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [
    {
      name: 'chromium-desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 860 }, channel: undefined },
    },
  ],
  // `npm start` builds the web app and starts the server with embedded PostgreSQL in a throw-away data folder.
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: 'npm start',
        cwd: path.resolve(here, '..'),
        env: {
          ...(process.env as Record<string, string>),
          PORT: String(port),
          RUYU_DATA_DIR: path.join(os.tmpdir(), `ruyu-e2e-data-${port}`),
        },
        url: `http://localhost:${port}/healthz`,
        timeout: 180_000,
        reuseExistingServer: !process.env.CI,
        stderr: 'pipe',
        // SIGTERM lets the server close its pools and stop the embedded PostgreSQL (SIGKILL would orphan it).
        gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
      },
})

import { chromium } from 'playwright-core'

const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
})
const ctx = await b.newContext({
  baseURL: 'http://localhost:3108',
  locale: 'zh-CN',
  viewport: { width: 1366, height: 800 },
  acceptDownloads: true,
})
const page = await ctx.newPage()
page.on('console', (m) => console.log('console', m.type(), m.text()))
page.on('pageerror', (e) => console.log('pageerror', e.message))
page.on('download', (d) => console.log('download', d.suggestedFilename()))
page.on('response', (r) => {
  if (r.url().includes('export')) console.log('resp', r.status(), r.url())
})
await page.goto('/login')
await page.getByLabel('用户名').fill('operator')
await page.getByLabel('密码').fill('Ruyu@2026')
await page.getByRole('button', { name: '登录', exact: true }).click()
await page.waitForURL((u) => !u.pathname.startsWith('/login'))
await page.goto('/hotline/orders')
await page.getByTestId('export').click()
await page.waitForTimeout(5000)
await b.close()

import { chromium } from 'playwright-core'

const [, , user, path, secs] = process.argv
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
})
const ctx = await b.newContext({
  baseURL: 'http://localhost:3108',
  locale: 'zh-CN',
  viewport: { width: 1366, height: 800 },
})
const page = await ctx.newPage()
await page.goto('/login')
await page.getByLabel('用户名').fill(user)
await page.getByLabel('密码').fill('Ruyu@2026')
await page.getByRole('button', { name: '登录', exact: true }).click()
await page.waitForURL((u) => !u.pathname.startsWith('/login'))
await page.waitForTimeout(1500)
const reqs = []
page.on('request', (r) => {
  if (r.url().includes('/api/')) reqs.push(r.url().replace('http://localhost:3108', ''))
})
await page.goto(path)
await page.waitForTimeout(Number(secs ?? 5) * 1000)
const counts = {}
for (const r of reqs) counts[r] = (counts[r] ?? 0) + 1
console.log(reqs.length, JSON.stringify(counts, null, 1))
await page.screenshot({ path: `/tmp/n-webcon/probe-${user}.png`, fullPage: true })

await b.close()

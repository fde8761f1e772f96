import { chromium } from 'playwright-core'

const [, , user, ...paths] = process.argv
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
for (const p of paths) {
  await page.goto(p)
  await page.waitForTimeout(2500)
  const info = await page.evaluate(() =>
    [...document.querySelectorAll('.ant-table')].map((t) => {
      const c = t.querySelector('.ant-table-content, .ant-table-body')
      return {
        cls: t.className,
        sw: c?.scrollWidth,
        cw: c?.clientWidth,
        heads: [...t.querySelectorAll('thead th')]
          .map((th) => th.textContent + '@' + Math.round(th.getBoundingClientRect().right))
          .join(' | '),
      }
    }),
  )
  console.log(p, JSON.stringify(info, null, 1))
}
await b.close()

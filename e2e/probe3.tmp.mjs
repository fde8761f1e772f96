import { chromium } from 'playwright-core'

const users = process.argv.slice(2)
const b = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
})
for (const user of users) {
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
  await page.locator('.ant-layout-sider nav a[href]').first().waitFor()
  const links = [
    ...new Set(
      await page.locator('.ant-layout-sider nav a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ),
  ]
  for (const p of links) {
    await page.goto(p)
    await page.waitForTimeout(3000)
    const info = await page.evaluate(() =>
      [...document.querySelectorAll('.ant-table')].map((t) => {
        const c = t.querySelector('.ant-table-content, .ant-table-body')
        const fixed = t.querySelectorAll('thead th.ant-table-cell-fix-end, thead th.ant-table-cell-fix-right').length
        return `${c?.scrollWidth}/${c?.clientWidth} fixedEnd=${fixed} ${t.className.includes('fix-end-shadow-show') ? 'CUE' : ''}`
      }),
    )
    console.log(user, p, info.join(' ; '))
  }
  await ctx.close()
}
await b.close()

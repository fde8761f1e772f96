// Issue #10 §2 and #9 §8 in the browser. An enterprise rates a policy answer of 工信局 poorly (差评); the 住建局
// reviewer opens the ratings list and statistics from the menu and does not see another department's rating; the
// 审批局 account sees it with its reason and rectification state, in Chinese and in English. Then a policy pushed to
// 烟台鲁味海洋食品有限公司 stops matching when its head count changes, and its policy inbox shows the push withdrawn with
// the condition that now fails.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect as baseExpect,
  type Page,
  request as playwrightRequest,
  test,
} from '@playwright/test'

const password = process.env.RUYU_DEMO_PASSWORD ?? 'Ruyu@2026'
const screenshots = process.env.E2E_SCREENSHOTS ?? path.join(import.meta.dirname, 'artifacts', 'screenshots')
mkdirSync(screenshots, { recursive: true })
const USCC_2 = '91370612MA3D8K5W6A'
// Helpers share one machine under load: give pages longer than the default to answer.
const expect = baseExpect.configure({ timeout: 45_000 })

async function snap(page: Page, name: string): Promise<void> {
  await page.evaluate('window.scrollTo(0, 0)')
  await page.screenshot({ path: path.join(screenshots, `ratings-${name}.png`), fullPage: true })
}

async function loginAs(browser: Browser, baseURL: string, username: string, lang = 'zh-CN') {
  const context: BrowserContext = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  await context.addInitScript(`window.localStorage.setItem('ruyu.lang', ${JSON.stringify(lang)})`)
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel(lang === 'en' ? 'Username' : '用户名').fill(username)
  await page.getByLabel(lang === 'en' ? 'Password' : '密码').fill(password)
  await page.getByRole('button', { name: lang === 'en' ? 'Log in' : '登录', exact: true }).click()
  await expect(page).not.toHaveURL(/\/login/)
  // Signing in hands over from the public bundle to the console with a full page load: wait for the console.
  await expect(page.getByRole('button', { name: /用户菜单|User menu/i })).toBeVisible()
  return { context, page }
}

/** An API session (cookie and CSRF token) for setting up data. */
async function api(baseURL: string, username: string) {
  const ctx: APIRequestContext = await playwrightRequest.newContext({ baseURL })
  const login = await ctx.post('/api/auth/login', { data: { username, password } })
  expect(login.status(), await login.text()).toBe(200)
  const session = await login.json()
  const headers = { 'x-csrf-token': session.csrfToken as string }
  const call = async (method: 'POST' | 'PUT' | 'PATCH', url: string, data: unknown) => {
    const r = await ctx.fetch(url, { method, headers, data })
    expect(r.status(), `${method} ${url}: ${await r.text()}`).toBeLessThan(300)
    return r.json()
  }
  return { ctx, call, me: session.user, get: async (url: string) => (await ctx.get(url)).json() }
}

const policyInput = (title: string, departmentId: string, rule: unknown) => ({
  title,
  departmentId,
  level: 'district',
  validFrom: '2026-01-01',
  validTo: '2099-12-31',
  benefitSummary: '对符合条件的企业给予一次性奖励（E2E 测试用政策）。',
  rule,
})

test('ratings list and statistics by department; a withdrawn policy push in the enterprise inbox', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000)
  const base = baseURL ?? 'http://localhost:3100'
  const tag = Date.now().toString(36).slice(-5)
  const comment = `答复答非所问，没有解决问题（E2E-${tag}）`

  const gxj = await api(base, 'gxj')
  const ent2 = await api(base, 'enterprise2')
  const admin = await api(base, 'admin')
  const gxjDept = gxj.me.posts[0].departmentId as string

  await test.step('set-up: an enterprise rates a 工信局 policy answer 非常不满意', async () => {
    const policy = await gxj.call(
      'POST',
      '/api/policy/policies',
      policyInput(`咨询用政策（E2E-${tag}）`, gxjDept, null),
    )
    await gxj.call('POST', `/api/policy/policies/${policy.id}/publish`, {})
    const q = await ent2.call('POST', `/api/policy/policies/${policy.id}/questions`, {
      question: `请问申报需要哪些材料？（E2E-${tag}）`,
    })
    await gxj.call('POST', `/api/policy/questions/${q.id}/answer`, { answer: '请查阅政策原文。' })
    await ent2.call('POST', `/api/policy/questions/${q.id}/rating`, { level: 1, reasons: ['服务态度差'], comment })
  })

  await test.step('the 住建局 reviewer reaches both pages from the menu and sees no other department’s rating', async () => {
    const { context, page } = await loginAs(browser, base, 'reviewer')
    // Menu groups start open: the group and both entries are there for a department reviewer.
    const menu = page.locator('.ant-layout-sider')
    await expect(menu.getByText('好差评', { exact: true })).toBeVisible()
    await menu.getByRole('menuitem', { name: '评价列表' }).click()
    await expect(page.getByRole('heading', { name: '好差评评价列表', level: 3 })).toBeVisible()
    await expect(page.getByTestId('rating-table')).toBeVisible()
    await expect(page.getByTestId('rating-table').getByText(comment)).toHaveCount(0)
    await snap(page, '01-reviewer-list')
    await menu.getByRole('menuitem', { name: '评价统计' }).click()
    await expect(page.getByRole('heading', { name: '好差评统计', level: 3 })).toBeVisible()
    await expect(page.getByTestId('rating-departments')).not.toContainText('工业和信息化局')
    await snap(page, '02-reviewer-stats')
    await context.close()
  })

  await test.step('the 审批局 sees every department: the 差评 with its reason and rectification state', async () => {
    const { context, page } = await loginAs(browser, base, 'xsp')
    await page.goto('/ratings/list')
    const row = page.getByTestId('rating-table').getByRole('row').filter({ hasText: comment })
    await expect(row).toBeVisible()
    await expect(row).toContainText('非常不满意')
    await expect(row).toContainText('服务态度差')
    await expect(row).toContainText('政策咨询')
    await expect(row.locator('[data-rectification]')).toHaveText('回访核实')
    await expect(row).not.toContainText('policy_question')
    await page.getByLabel('按整改状态筛选').click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '回访核实' }).click()
    await expect(row).toBeVisible()
    await snap(page, '03-bureau-list')

    await page.goto('/ratings/stats')
    await expect(page.getByTestId('rating-overall')).toContainText('差评率')
    const dept = page.getByTestId('rating-departments').getByRole('row').filter({ hasText: '工业和信息化局' })
    await expect(dept).toBeVisible()
    await expect(page.getByTestId('rating-states').locator('[data-state="callback"]')).toContainText('回访核实')
    await snap(page, '04-bureau-stats')
    await context.close()
  })

  await test.step('the same pages in English have no Chinese labels left but the data', async () => {
    const { context, page } = await loginAs(browser, base, 'xsp', 'en')
    await page.goto('/ratings/list')
    await expect(page.getByRole('heading', { name: 'Service ratings', level: 3 })).toBeVisible()
    const row = page.getByTestId('rating-table').getByRole('row').filter({ hasText: comment })
    await expect(row).toContainText('Very dissatisfied')
    await expect(row).toContainText('Staff were unhelpful')
    await expect(row).toContainText('Policy question')
    await expect(row.locator('[data-rectification]')).toHaveText('Calling back')
    const header = await page.getByTestId('rating-table').locator('thead').innerText()
    expect(header).not.toMatch(/\p{Script=Han}/u)
    await snap(page, '05-bureau-list-en')
    await page.goto('/ratings/stats')
    await expect(page.getByRole('heading', { name: 'Rating statistics', level: 3 })).toBeVisible()
    const statsHeader = await page.getByTestId('rating-departments').locator('thead').innerText()
    expect(statsHeader).not.toMatch(/\p{Script=Han}/u)
    expect(await page.getByTestId('rating-levels').innerText()).not.toMatch(/\p{Script=Han}/u)
    await snap(page, '06-bureau-stats-en')
    await context.close()
  })

  await test.step('an enterprise has no ratings menu', async () => {
    const { context, page } = await loginAs(browser, base, 'enterprise')
    await expect(page.locator('.ant-layout-sider').getByText('好差评', { exact: true })).toHaveCount(0)
    await context.close()
  })

  const profile = await admin.get(`/api/enterprise/enterprises/${USCC_2}`)
  const employees = profile.employees as number
  try {
    await test.step('a pushed policy is withdrawn when the enterprise stops matching, with the failing condition', async () => {
      const title = `规模企业奖励（E2E-${tag}）`
      const rule = {
        all: [
          { in: { field: 'industryCode', values: [profile.industryCode] } },
          { between: { field: 'employees', min: employees, max: employees } },
        ],
      }
      const policy = await gxj.call('POST', '/api/policy/policies', policyInput(title, gxjDept, rule))
      await gxj.call('POST', `/api/policy/policies/${policy.id}/publish`, {})
      await expect(async () => {
        const mine = await ent2.get('/api/policy/mine/policies?pageSize=200')
        expect(mine.items.map((m: { policy: { id: string } }) => m.policy.id)).toContain(policy.id)
      }).toPass({ timeout: 120_000 })
      await admin.call('PATCH', `/api/enterprise/enterprises/${USCC_2}`, { employees: employees + 1 })

      const { context, page } = await loginAs(browser, base, 'enterprise2')
      const item = page.getByTestId('my-policy').filter({ hasText: title })
      await expect(async () => {
        await page.goto('/policy/mine')
        await expect(item).toHaveAttribute('data-withdrawn', 'true', { timeout: 15_000 })
      }).toPass({ timeout: 120_000 })
      await expect(item.getByTestId('withdrawn-marker')).toHaveText('已不再符合')
      await expect(item.getByTestId('withdrawn-reasons')).toContainText(`不满足（从业人数 ${employees + 1} 人）`)
      await snap(page, '07-enterprise-withdrawn')
      await item.getByRole('link', { name: title }).click()
      await expect(page.getByTestId('my-match-withdrawn')).toContainText('该政策已不再适用于贵企业')
      await snap(page, '08-enterprise-withdrawn-detail')
      await page.goto('/notifications')
      await expect(page.getByText(`政策推送已撤回：${title}`)).toBeVisible()
      await context.close()
    })
  } finally {
    await admin.call('PATCH', `/api/enterprise/enterprises/${USCC_2}`, { employees })
  }
  for (const a of [gxj, ent2, admin]) await a.ctx.dispose()
})

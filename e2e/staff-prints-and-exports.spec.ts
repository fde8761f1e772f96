// Regression (issue #10 §1): staff print a case and an order, and export their worklists. What must never happen:
// a detail page with no way to print it, a printout carrying the menu and the buttons, or a worklist that can only
// be copied by hand. Screenshots of the printed form (print media) are saved for review.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, expect, type Page, test } from '@playwright/test'

const password = process.env.RUYU_DEMO_PASSWORD ?? 'Ruyu@2026'
const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts', 'screenshots', 'print')
mkdirSync(screenshots, { recursive: true })

async function login(browser: Browser, baseURL: string, username: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 800 },
    acceptDownloads: true,
  })
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page).not.toHaveURL(/\/login/)
  // Signing in hands over from the public bundle to the console with a full page load: wait for the console.
  await expect(page.getByRole('button', { name: /用户菜单|User menu/i })).toBeVisible()
  return page
}

/** The page in print media: no side menu, no header, no buttons; the print button itself was there on screen. */
async function checkPrint(page: Page, name: string): Promise<void> {
  const print = page.getByTestId('print')
  await expect(print).toBeVisible()
  // window.print() opens a dialog headless Chromium cannot show: count the call instead.
  await page.evaluate(() => {
    const w = globalThis as unknown as { printed: number; print: () => void }
    w.printed = 0
    w.print = () => {
      w.printed += 1
    }
  })
  await print.click()
  expect(await page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(1)
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.ant-layout-sider')).toBeHidden()
  await expect(page.locator('.ruyu-header')).toBeHidden()
  await expect(print).toBeHidden()
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true })
  await page.emulateMedia({ media: 'screen' })
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

/** The enterprise applies online through the API (the UI journey is enterprise-gets-four-certificates). */
async function submitCase(browser: Browser, baseURL: string): Promise<string> {
  const ctx = await browser.newContext({ baseURL })
  const login = await ctx.request.post('/api/auth/login', { data: { username: 'enterprise', password } })
  const headers = { 'x-csrf-token': (await login.json()).csrfToken as string }
  const base: Record<string, unknown> = {
    projectName: '烟台如鱼打印测试项目',
    projectCode: '2611-370612-04-01-654321',
    projectType: 'industrial',
    socialInvestment: true,
    landGrantWithScheme: true,
    divisionCode: '370612106',
    address: '烟台市牟平区玉林店镇工业园路9号',
    landAreaMu: 80,
    floorAreaM2: 30000,
    investmentWan: 12000,
    builder: '烟台如鱼生物科技有限公司',
    builderUscc: '91370612MA3C12346J',
    contactName: '王磊',
    contactPhone: '13905350011',
  }
  const themeCode = 'MP-THEME-CONSTRUCTION'
  const plan = await (await ctx.request.post('/api/approval/plan', { data: { themeCode, form: base }, headers })).json()
  const form = { ...base }
  for (const f of plan.form.fields as {
    key: string
    type: string
    required: boolean
    options?: { value: string }[]
  }[]) {
    if (form[f.key] !== undefined || !f.required) continue
    form[f.key] =
      { number: 10, boolean: false, date: '2026-12-15', division: '370612106' }[f.type] ??
      (f.type === 'select' ? f.options?.[0]?.value : `${f.key}（测试）`)
  }
  const upload = await ctx.request.post('/api/files', {
    multipart: { file: { name: '材料.pdf', mimeType: 'application/pdf', buffer: PDF } },
    headers,
  })
  const fileId = (await upload.json()).id as string
  const materials = (plan.form.materials as { code: string; required: boolean }[])
    .filter((m) => m.required)
    .map((m) => ({ code: m.code, fileId }))
  const r = await ctx.request.post('/api/approval/cases', { data: { themeCode, form, materials }, headers })
  expect(r.status(), await r.text()).toBe(201)
  const id = (await r.json()).id as string
  await ctx.close()
  return id
}

async function checkExport(page: Page, expectedName: RegExp): Promise<void> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId('export').click(),
  ])
  expect(file.suggestedFilename()).toMatch(expectedName)
  const saved = await file.path()
  expect(saved).toBeTruthy()
}

test.setTimeout(240_000)

test('the 12345 centre prints an order and exports the order list', async ({ browser, baseURL }) => {
  const page = await login(browser, baseURL ?? '', 'operator')
  await page.goto('/hotline/orders')
  await expect(page.getByTestId('order-table').locator('tbody tr.ant-table-row').first()).toBeVisible({
    timeout: 60_000,
  })
  await checkExport(page, /^12345工单_\d{4}-\d{2}-\d{2}\.xlsx$/)
  await page.getByTestId('order-table').locator('tbody tr.ant-table-row').first().click()
  await expect(page).toHaveURL(/\/hotline\/orders\/[0-9a-f-]+$/)
  await expect(page.getByTestId('order-description')).toBeVisible()
  await checkPrint(page, 'hotline-order')
  await page.context().close()
})

test('the window prints a case and exports the case list; a reviewer exports 我的待办', async ({
  browser,
  baseURL,
}) => {
  await submitCase(browser, baseURL ?? '')
  const page = await login(browser, baseURL ?? '', 'window')
  await page.goto('/approval/cases')
  const rows = page.locator('tbody tr.ant-table-row')
  await expect(rows.first()).toBeVisible({ timeout: 60_000 })
  await checkExport(page, /^审批案件_\d{4}-\d{2}-\d{2}\.xlsx$/)
  await rows.first().click()
  await expect(page).toHaveURL(/\/approval\/cases\/[0-9a-f-]+$/)
  await expect(page.getByRole('tab').first()).toBeVisible()
  await checkPrint(page, 'approval-case')
  await page.context().close()

  const reviewer = await login(browser, baseURL ?? '', 'reviewer')
  await reviewer.goto('/workflow/tasks')
  await expect(reviewer.getByTestId('task-count')).toBeVisible()
  await checkExport(reviewer, /^我的待办_\d{4}-\d{2}-\d{2}\.xlsx$/)
  await reviewer.context().close()
})

// Issue #9 §2: a 12345 order's actions have side effects only the hotline module applies, so the generic process
// page (/workflow/instances/:id) shows no action buttons for it and links to the order's own page instead; a
// subject the generic page handles keeps its buttons.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type APIRequestContext, expect, request as playwrightRequest, test } from '@playwright/test'

const password = process.env.RUYU_DEMO_PASSWORD ?? 'Ruyu@2026'
const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts', 'screenshots')
mkdirSync(screenshots, { recursive: true })

async function api(base: string, username: string): Promise<{ ctx: APIRequestContext; csrf: string }> {
  const ctx = await playwrightRequest.newContext({ baseURL: base })
  const login = await ctx.post('/api/auth/login', { data: { username, password } })
  expect(login.status(), await login.text()).toBe(200)
  return { ctx, csrf: (await login.json()).csrfToken as string }
}

test('the process page of a 12345 order offers no actions and links to the order page', async ({
  browser,
  baseURL,
}) => {
  const base = baseURL ?? 'http://localhost:3100'
  const op = await api(base, 'operator')
  const headers = { 'x-csrf-token': op.csrf }
  type Node = { id: string; code: string; children: Node[] }
  const tree = (await (await op.ctx.get('/api/hotline/categories')).json()) as { items: Node[] }
  const find = (nodes: Node[]): Node | undefined =>
    nodes.find((n) => n.code === '010101') ?? nodes.map((n) => find(n.children)).find(Boolean)
  const leaf = find(tree.items)
  expect(leaf).toBeTruthy()
  const intake = await op.ctx.post('/api/hotline/orders', {
    headers,
    data: {
      callerName: '李秀兰',
      callerPhone: `139${String(Date.now()).slice(-8)}`,
      requestType: 'help',
      urgency: 'normal',
      categoryId: leaf!.id,
      divisionCode: '370612106',
      address: '牟平区玉林店镇驻地玉林路18号',
      description: `家里暖气不热，室温只有15度，请帮忙协调（E2E-${Date.now().toString(36)}）。`,
    },
  })
  expect(intake.status(), await intake.text()).toBe(201)
  const orderId = (await intake.json()).order.id as string
  const units = (await (await op.ctx.get('/api/directory/departments?pageSize=200')).json()) as {
    items: { id: string; code: string }[]
  }
  const town = units.items.find((u) => u.code === 'MP-T106')!
  const dispatched = await op.ctx.post(`/api/hotline/orders/${orderId}/dispatch`, {
    headers,
    data: { unitId: town.id },
  })
  expect(dispatched.status(), await dispatched.text()).toBe(200)
  const detail = await (await op.ctx.get(`/api/hotline/orders/${orderId}`)).json()
  const instanceId = detail.workflowInstanceId as string
  expect(instanceId).toBeTruthy()
  await op.ctx.dispose()

  // 玉林店镇's clerk holds the order's 签收 step: the engine would offer 签收 and 退单 on a generic page.
  const context = await browser.newContext({ baseURL: base, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel('用户名').fill('yulindian')
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page).not.toHaveURL(/\/login/)
  // Signing in hands over from the public bundle to the console with a full page load: wait for the console.
  await expect(page.getByRole('button', { name: /用户菜单|User menu/i })).toBeVisible()

  await page.goto(`/workflow/instances/${instanceId}`)
  const notice = page.getByTestId('owned-subject')
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('12345热线工单')
  await expect(page.locator('[data-action]')).toHaveCount(0)
  await expect(page.getByRole('group', { name: '可办理操作' })).toHaveCount(0)
  await page.screenshot({ path: path.join(screenshots, 'workflow-owned-subject-01-process-page.png'), fullPage: true })

  await notice.getByRole('link', { name: /前往12345热线工单办理/ }).click()
  await expect(page).toHaveURL(new RegExp(`/hotline/orders/${orderId}$`))
  await expect(page.getByTestId('order-actions').getByRole('button', { name: '签收', exact: true })).toBeVisible()
  await page.screenshot({ path: path.join(screenshots, 'workflow-owned-subject-02-order-page.png'), fullPage: true })
  await context.close()
})

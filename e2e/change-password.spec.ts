// Journey: a fresh staff account (created through the admin API, so the demo accounts keep their published
// password) changes its password from the user menu, with the server's refusals shown at the fields; then an
// administrator resets it, and the console keeps the account on the change-password page until it is changed.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type APIRequestContext, expect, type Page, request as playwrightRequest, test } from '@playwright/test'

const demoPassword = process.env.RUYU_DEMO_PASSWORD ?? 'Ruyu@2026'
const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts', 'screenshots')
mkdirSync(screenshots, { recursive: true })
const snap = (page: Page, step: string) =>
  page.screenshot({ path: path.join(screenshots, `password-${step}.png`), fullPage: true })

// Specs share one server: a name of its own per run.
const username = `e2e.pw${Date.now().toString(36)}`
const first = 'Harbour-Kite-41'
const second = 'Quiet-Orchard-93'
const reset = 'Temp-Lantern-72'
const third = 'Amber-Violin-58'

async function adminApi(baseURL: string): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  const api = await playwrightRequest.newContext({ baseURL })
  const login = await api.post('/api/auth/login', { data: { username: 'admin', password: demoPassword } })
  expect(login.status(), await login.text()).toBe(200)
  return { api, headers: { 'x-csrf-token': (await login.json()).csrfToken as string } }
}

async function logIn(page: Page, password: string) {
  await page.goto('/login')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
}

test('a staff member changes the password from the user menu; a reset password must be changed first', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(300_000) // eight logins (argon2) and two sessions on a shared machine
  const { api, headers } = await adminApi(baseURL!)
  let userId = ''
  await test.step('the administrator creates the account', async () => {
    const created = await api.post('/api/admin/users', {
      headers,
      data: {
        username,
        displayName: '密码测试员',
        kind: 'staff',
        password: first,
        posts: [{ role: 'window_clerk', scopeDivisionCode: '370612' }],
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    userId = (await created.json()).id
  })

  await test.step('open 修改密码 from the user menu', async () => {
    await logIn(page, first)
    await expect(page).toHaveURL(/\/$/)
    await page.getByRole('button', { name: /密码测试员 用户菜单/ }).click()
    await page.getByRole('menuitem', { name: '修改密码' }).click()
    await expect(page).toHaveURL(/\/account\/password$/)
    await expect(page.getByRole('heading', { name: '修改密码', level: 3 })).toBeVisible()
    await expect(page.getByTestId('password-rules')).toContainText('至少 8 位')
    // The rule is the new password field's description, so a screen reader reads it with the field.
    const rulesId = await page.getByTestId('password-rules').evaluate((el) => el.closest('[id]')!.id)
    await expect(page.getByLabel('新密码', { exact: true })).toHaveAttribute('aria-describedby', new RegExp(rulesId))
    await snap(page, '01-page')
  })

  await test.step('refusals are announced at their fields', async () => {
    const announcer = page.getByRole('alert').and(page.getByTestId('password-announcer'))
    await page.getByLabel('当前密码').fill('Not-The-Password-1')
    await page.getByLabel('新密码', { exact: true }).fill(second)
    await page.getByLabel('确认新密码').fill(`${second}x`)
    await page.getByRole('button', { name: '修改密码' }).click()
    await expect(announcer).toContainText('两次输入的新密码不一致')
    await expect(page.locator('.ant-form-item-explain-error', { hasText: '两次输入的新密码不一致' })).toBeVisible()

    await page.getByLabel('确认新密码').fill(second)
    await page.getByRole('button', { name: '修改密码' }).click()
    await expect(announcer).toContainText('当前密码不正确')
    await expect(page.locator('.ant-form-item-explain-error', { hasText: '当前密码不正确' })).toBeVisible()

    await page.getByLabel('当前密码').fill(first)
    await page.getByLabel('新密码', { exact: true }).fill('Password1')
    await page.getByLabel('确认新密码').fill('Password1')
    await page.getByRole('button', { name: '修改密码' }).click()
    await expect(announcer).toContainText('不得为常见密码')
    await expect(page.locator('.ant-form-item-explain-error', { hasText: '不得为常见密码' })).toBeVisible()
    await snap(page, '02-refused')
  })

  await test.step('the change goes through', async () => {
    await page.getByLabel('当前密码').fill(first)
    await page.getByLabel('新密码', { exact: true }).fill(second)
    await page.getByLabel('确认新密码').fill(second)
    await page.getByRole('button', { name: '修改密码' }).click()
    await expect(page.getByRole('status').getByText('新密码已生效')).toBeVisible()
    await snap(page, '03-changed')
  })

  await test.step('in English the page reads in English', async () => {
    await page.getByRole('button', { name: /English/ }).click()
    await expect(page.getByRole('heading', { name: 'Change password', level: 3 })).toBeVisible()
    await expect(page.getByLabel('Confirm new password')).toBeVisible()
    await snap(page, '04-english')
    await page.getByRole('button', { name: /中文/ }).click()
    await expect(page.getByRole('heading', { name: '修改密码', level: 3 })).toBeVisible()
  })

  await test.step('the old password no longer logs in, the new one does', async () => {
    await page.context().clearCookies()
    await logIn(page, first)
    await expect(page.getByRole('alert').filter({ hasText: '用户名或密码错误' })).toBeVisible()
    await logIn(page, second)
    await expect(page).toHaveURL(/\/$/)
    // The public login page hands over to the console with a full page load: wait for it before going on.
    await expect(page.getByRole('button', { name: /用户菜单/ })).toBeVisible()
  })

  await test.step('after an administrator reset, the console keeps the account on the change-password page', async () => {
    const r = await api.post(`/api/admin/users/${userId}/password`, { headers, data: { newPassword: reset } })
    expect(r.status(), await r.text()).toBe(204)
    await page.context().clearCookies()
    await logIn(page, reset)
    await expect(page).toHaveURL(/\/account\/password$/)
    await expect(page.getByRole('alert').filter({ hasText: '请先修改密码' })).toBeVisible()
    await expect(page.getByRole('navigation')).toHaveCount(0)
    await page.goto('/workflow/tasks')
    await expect(page).toHaveURL(/\/account\/password\?next=%2Fworkflow%2Ftasks$/)
    await snap(page, '05-forced')

    await page.getByLabel('当前密码').fill(reset)
    await page.getByLabel('新密码', { exact: true }).fill(third)
    await page.getByLabel('确认新密码').fill(third)
    await page.getByRole('button', { name: '修改密码' }).click()
    await expect(page).toHaveURL(/\/workflow\/tasks$/)
    await expect(page.getByRole('navigation').first()).toBeVisible()
    await snap(page, '06-released')
  })

  await test.step('five wrong passwords lock the account; the administrator sees it on 工作人员 and unlocks it', async () => {
    const other = await playwrightRequest.newContext({ baseURL })
    for (let i = 0; i < 5; i++)
      await other.post('/api/auth/login', { data: { username, password: `Wrong-Guess-${i}x` } })
    await other.dispose()
    const admin = await page
      .context()
      .browser()!
      .newContext({ baseURL, locale: 'zh-CN', viewport: { width: 1366, height: 860 } })
    const adminPage = await admin.newPage()
    await adminPage.goto('/login')
    await adminPage.getByLabel('用户名').fill('admin')
    await adminPage.getByLabel('密码').fill(demoPassword)
    await adminPage.getByRole('button', { name: '登录', exact: true }).click()
    await expect(adminPage).toHaveURL(/\/$/)
    await adminPage.goto(`/directory/staff?q=${username}`)
    const row = adminPage.getByRole('row', { name: new RegExp(username.replace('.', '\\.')) })
    await expect(row.getByText('已锁定')).toBeVisible()
    await expect(row.getByText(/锁定至 \d{2}-\d{2} \d{2}:\d{2}/)).toBeVisible()
    await adminPage.screenshot({ path: path.join(screenshots, 'password-07-locked.png'), fullPage: true })
    await row.getByRole('button', { name: '解除 密码测试员 的登录锁定' }).click()
    await expect(adminPage.getByText('已解除 密码测试员 的登录锁定')).toBeVisible()
    await expect(row.getByText('正常')).toBeVisible()
    await expect(row.getByRole('button', { name: /解除/ })).toHaveCount(0)
    await admin.close()
    // The owner logs in again with the right password.
    await page.context().clearCookies()
    await logIn(page, third)
    await expect(page).toHaveURL(/\/$/)
  })
  await api.dispose()
})

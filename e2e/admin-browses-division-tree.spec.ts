// Journey: the demo administrator logs in, finds 玉林店镇 in the division tree by searching, opens its details,
// switches the console to English and back, and logs out.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, type Page, test } from '@playwright/test'

const password = process.env.RUYU_DEMO_PASSWORD ?? 'Ruyu@2026'
const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts', 'screenshots')
mkdirSync(screenshots, { recursive: true })

async function snap(page: Page, step: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${step}.png`), fullPage: true })
}

test('admin browses the division tree', async ({ page }) => {
  await test.step('an anonymous visit to the tree lands on the login page', async () => {
    await page.goto('/directory/divisions')
    await expect(page).toHaveURL(/\/login\?next=%2Fdirectory%2Fdivisions$/)
    await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible()
    await expect(page.getByTestId('demo-accounts')).toContainText('admin')
    await snap(page, '01-login')
  })

  await test.step('log in as the demo admin and come back to the tree', async () => {
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码').fill(password)
    await page.getByRole('button', { name: '登录', exact: true }).click()
    await expect(page).toHaveURL(/\/directory\/divisions$/)
    await expect(page.getByRole('heading', { name: '行政区划', level: 3 })).toBeVisible()
    // The district is the admin's only root and opens by itself, showing its towns and streets.
    const tree = page.getByRole('tree', { name: '区划树' })
    await expect(tree.getByText('牟平区', { exact: true })).toBeVisible()
    await expect(tree.getByText('玉林店镇', { exact: true })).toBeVisible()
    await snap(page, '02-division-tree')
  })

  await test.step('search 玉林店镇 and open its details', async () => {
    await page.getByPlaceholder('搜索名称或代码').fill('玉林店镇')
    const results = page.getByTestId('division-search-results')
    const hit = results.getByRole('button', { name: /玉林店镇/ })
    await expect(hit).toBeVisible()
    await expect(hit).toContainText('370612106')
    await snap(page, '03-search-result')

    await hit.click()
    await expect(page).toHaveURL(/code=370612106/)
    const detail = page.getByTestId('division-detail')
    await expect(detail.getByTestId('division-code')).toHaveText('370612106')
    await expect(detail).toContainText('玉林店镇')
    await expect(detail).toContainText('乡镇（街道）级')
    await expect(detail.getByTestId('division-parents')).toContainText('牟平区')
    await expect(page.locator('.ant-tree-treenode-selected')).toContainText('玉林店镇')
    await snap(page, '04-division-detail')
  })

  await test.step('switch the console to English and back to Chinese', async () => {
    const menu = page.getByRole('menu')
    await expect(menu.getByRole('link', { name: '行政区划' })).toBeVisible()

    await page.getByRole('button', { name: /English/ }).click()
    await expect(menu.getByRole('link', { name: 'Divisions' })).toBeVisible()
    await expect(menu.getByRole('link', { name: '行政区划' })).toHaveCount(0)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByTestId('division-detail')).toContainText('Town / street')
    await snap(page, '05-english')

    await page.getByRole('button', { name: /中文/ }).click()
    await expect(menu.getByRole('link', { name: '行政区划' })).toBeVisible()
    await expect(menu.getByRole('link', { name: 'Divisions' })).toHaveCount(0)
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await snap(page, '06-chinese')
  })

  await test.step('log out and find the session gone', async () => {
    await page.getByRole('button', { name: /用户菜单/ }).click()
    await page.getByRole('menuitem', { name: '退出登录' }).click()
    await expect(page).toHaveURL(/\/login$/)
    await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible()
    await snap(page, '07-logged-out')

    await page.goto('/directory/divisions')
    await expect(page).toHaveURL(/\/login\?next=/)
  })
})

// Regression, issue 10 §1: the 14-field, 62-material application could not be saved as a draft. An enterprise
// starts the construction-theme application, saves a draft, leaves, finds it under 我的申请 and resumes it with
// what it typed still there.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'

const password = process.env.RUYU_DEMO_PASSWORD ?? 'Ruyu@2026'
const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts', 'screenshots')
mkdirSync(screenshots, { recursive: true })

test('an enterprise saves its application as a draft and resumes it', async ({ page }) => {
  const projectName = `如鱼草稿项目（E2E-${Date.now().toString(36)}）`
  await page.goto('/login')
  await page.getByLabel('用户名').fill('enterprise')
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page).not.toHaveURL(/\/login/)
  // Signing in hands over from the public bundle to the console with a full page load: wait for the console.
  await expect(page.getByRole('button', { name: /用户菜单/ })).toBeVisible()

  await page.goto('/approval/apply')
  const name = page.getByTestId('step-basics').locator('[data-field-key="projectName"] input')
  await name.fill(projectName)
  await page.getByTestId('save-draft').click()
  await expect(page.getByText('草稿已保存')).toBeVisible()
  await expect(page).toHaveURL(/\/approval\/apply\?draft=[0-9a-f-]{36}$/)
  await page.screenshot({ path: path.join(screenshots, 'draft-01-saved.png'), fullPage: true })

  // Leave, and come back through 我的申请.
  await page.goto('/approval/my')
  const draft = page.getByTestId('draft').filter({ hasText: projectName })
  await expect(draft).toBeVisible()
  await page.screenshot({ path: path.join(screenshots, 'draft-02-my-applications.png'), fullPage: true })
  await draft.getByRole('button', { name: '继续填写' }).click()
  await expect(page).toHaveURL(/\/approval\/apply\?draft=/)
  await expect(page.getByTestId('step-basics').locator('[data-field-key="projectName"] input')).toHaveValue(projectName)

  // Saving again updates the same draft (one entry), then it can be deleted.
  await page.getByTestId('save-draft').click()
  await expect(page.getByText('草稿已保存').first()).toBeVisible()
  await page.goto('/approval/my')
  await expect(page.getByTestId('draft').filter({ hasText: projectName })).toHaveCount(1)
  await page.getByTestId('draft').filter({ hasText: projectName }).getByRole('button', { name: '删除' }).click()
  await page.getByRole('button', { name: /确\s?定|OK/ }).click()
  await expect(page.getByTestId('draft').filter({ hasText: projectName })).toHaveCount(0)
})

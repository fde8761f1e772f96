// Helpers shared by the browser journeys: the demo password, numbered full-page screenshots, and logging in as a
// demo account in a browser context of its own.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test'

export const password = process.env.RUYU_DEMO_PASSWORD ?? 'Ruyu@2026'
const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts', 'screenshots')

/** A `snap(page, step)` that saves `<prefix>-NN-<step>.png`, numbered in the order taken. */
export function screenshotter(prefix: string): (page: Page, step: string) => Promise<void> {
  mkdirSync(screenshots, { recursive: true })
  let shot = 0
  return async (page, step) => {
    shot += 1
    const name = `${prefix}-${String(shot).padStart(2, '0')}-${step}.png`
    // From the top, so the sticky header and menu are drawn once in the full-page image.
    await page.evaluate('window.scrollTo(0, 0)')
    await page.screenshot({ path: path.join(screenshots, name), fullPage: true })
  }
}

/** A fresh browser context logged in as a demo account (each actor keeps its own session). */
export async function loginAs(
  browser: Browser,
  baseURL: string,
  username: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page).not.toHaveURL(/\/login/)
  await expect(page.getByRole('button', { name: /用户菜单/ })).toBeVisible()
  return { context, page }
}

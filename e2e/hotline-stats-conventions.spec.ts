// Issue 10 §3: the statistics page states the conventions every rate follows (Shandong/national defaults marked),
// the rounding rule and each rate's numerator and denominator, in Chinese and in English; a hotline manager changes
// a convention there and the rates follow; 回访率 never passes 100 %.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { expect, type Page, test } from '@playwright/test'

const password = process.env.RUYU_DEMO_PASSWORD ?? 'Ruyu@2026'
const shots = process.env.E2E_SCREENSHOTS ?? path.join(process.cwd(), 'artifacts', 'screenshots')
mkdirSync(shots, { recursive: true })
const snap = (page: Page, name: string) =>
  page.screenshot({ path: path.join(shots, `hotline-stats-${name}.png`), fullPage: true })

test('the statistics page shows and changes the conventions', async ({ page }) => {
  test.setTimeout(180_000)
  await page.goto('/login')
  await page.getByLabel('用户名').fill('operator')
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page.getByRole('button', { name: /用户菜单/ })).toBeVisible({ timeout: 60_000 })
  const year = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)
  const period = `from=${year}-01-01&to=${year}-12-31`

  await test.step('Chinese: the defaults, marked, with the rounding rule and fractions', async () => {
    await page.goto(`/hotline/stats?groupBy=unit&${period}`)
    const card = page.getByTestId('stats-conventions')
    // The machine may be busy: the first statistics of the year can take a while.
    await expect(card).toContainText('统计口径', { timeout: 60_000 })
    await expect(page.getByTestId('convention-closeBasis')).toHaveText(/^按到期/)
    await expect(page.getByTestId('convention-onTimeBy')).toHaveText(/^按首次答复/)
    await expect(page.getByTestId('convention-declined')).toHaveText('不计入办结类指标')
    await expect(page.getByTestId('convention-responseBy')).toHaveText(/联系诉求人/)
    await expect(page.getByTestId('convention-followupCount')).toHaveText(/每次回访都计入/)
    await expect(card.getByText('默认', { exact: true })).toHaveCount(5)
    await expect(card).toContainText('四舍五入保留 4 位小数')
    for (const k of ['onTimeReplyRate', 'validFollowupRate', 'followupRate'])
      await expect(page.getByTestId(`stats-${k}`)).toBeVisible()
    await expect(page.getByTestId('stats-followupRate-fraction')).toHaveText(/^\d+ \/ \d+$/)
    const api = await page.request.get(`/api/hotline/stats?groupBy=unit&${period}`)
    const body = (await api.json()) as { overall: { followupRate: number | null } }
    expect(body.overall.followupRate ?? 0).toBeLessThanOrEqual(1)
    await snap(page, '01-zh')
  })

  await test.step('a manager switches 办结口径 to 按受理; the page and the rates follow; then back', async () => {
    const before = page.getByTestId('stats-closeRate-fraction')
    const dueFraction = await before.textContent()
    await page.getByRole('button', { name: '调整口径' }).click()
    const dialog = page.getByRole('dialog', { name: '调整统计口径' })
    await dialog.getByRole('radio', { name: /^按受理/ }).check()
    await snap(page, '02-edit')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('convention-closeBasis')).toHaveText(/^按受理/)
    const received = (await (await page.request.get(`/api/hotline/stats?groupBy=unit&${period}`)).json()) as {
      overall: { total: number; declined: number; fractions: { closeRate: { numerator: number; denominator: number } } }
    }
    const closeRate = received.overall.fractions.closeRate
    // Received basis: the cohort is every order received, less the declines (left out by default).
    expect(closeRate.denominator).toBe(received.overall.total - received.overall.declined)
    await expect(before).toHaveText(`${closeRate.numerator} / ${closeRate.denominator}`)
    await page.getByRole('button', { name: '调整口径' }).click()
    await page
      .getByRole('dialog', { name: '调整统计口径' })
      .getByRole('radio', { name: /^按到期/ })
      .check()
    await page.getByRole('dialog', { name: '调整统计口径' }).getByRole('button', { name: '保存' }).click()
    await expect(page.getByTestId('convention-closeBasis')).toHaveText(/^按到期/)
    await expect(before).toHaveText(dueFraction ?? '')
  })

  await test.step('English: the same conventions, no Chinese left in the card', async () => {
    await page.getByRole('button', { name: /English/ }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    const card = page.getByTestId('stats-conventions')
    await expect(card).toContainText('Conventions')
    await expect(page.getByTestId('convention-closeBasis')).toHaveText(/^Due: orders whose first deadline/)
    await expect(page.getByTestId('convention-onTimeBy')).toHaveText(/^First reply/)
    await expect(page.getByTestId('convention-followupCount')).toHaveText(/Every call counts/)
    await expect(card).toContainText('rounded half up to 4 decimals')
    expect(await card.innerText()).not.toMatch(/[\u4e00-\u9fff]/)
    await expect(page.getByTestId('stats-validFollowupRate')).toContainText('Valid follow-up rate')
    await snap(page, '03-en')
    await page.getByRole('button', { name: /中文/ }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  })
})

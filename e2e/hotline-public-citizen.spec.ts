// The public 12345 pages speak to the citizen (您的姓名, 问题发生的地点), not in the operator's words (来电人姓名), in
// Chinese and in English, with every field labelled; and tracking by number accepts the number however it is
// typed: [ ] or ( ) for 〔〕, full-width brackets, spaces, or just the digits.
import { mkdirSync } from 'node:fs'
import { expect, type Page, test } from '@playwright/test'

const shots = process.env.E2E_SHOTS ?? '/tmp/n-hsla'
mkdirSync(shots, { recursive: true })
const snap = (page: Page, name: string) => page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })

/** Every visible form control has an accessible name (a label the screen reader announces). */
async function everyControlLabelled(page: Page) {
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="public-form"] input, [data-testid="public-form"] textarea')]
      .filter((el) => (el as HTMLElement).offsetParent !== null && (el as HTMLInputElement).type !== 'radio')
      .filter((el) => {
        const id = el.getAttribute('id')
        const byFor = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent?.trim() : ''
        return !byFor && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  )
  expect(unnamed).toEqual([])
}

test('the public form uses the citizen’s wording in Chinese and English, with labelled fields', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/12345')
  const form = page.getByTestId('public-form')
  await expect(form.getByLabel('您的姓名')).toHaveAttribute('autocomplete', 'name')
  await expect(form.getByLabel('联系电话')).toHaveAttribute('autocomplete', 'tel')
  await expect(form.getByLabel('问题发生的地点')).toBeVisible()
  await expect(form.getByText('您要反映的是')).toBeVisible()
  await everyControlLabelled(page)
  // Submitting empty shows what is missing, addressed to the citizen.
  await form.getByRole('button', { name: '提交', exact: true }).click()
  await expect(form.getByText('请填写您的姓名（或您希望的称呼）')).toBeVisible()
  await expect(form.getByText('请填写您的联系电话，便于办理单位联系您')).toBeVisible()
  await expect(form.getByText('请填写问题发生的具体地点')).toBeVisible()
  await expect(form.getByText('请选择问题所在的镇街')).toBeVisible()
  await expect(form.getByLabel('您的姓名')).toHaveAttribute('aria-invalid', 'true')
  // The focus goes to the first wrong field, and each message is part of its field's description (read out with it).
  await expect(form.getByLabel('诉求内容')).toBeFocused()
  await expect(form.getByLabel('诉求内容')).toHaveAccessibleDescription('请说明您遇到的问题和诉求')
  const town = form.getByLabel('镇街', { exact: true })
  await expect(town).toHaveAttribute('aria-invalid', 'true')
  await expect(town).toHaveAccessibleDescription('请选择问题所在的镇街')
  await expect(form.getByLabel('您的姓名')).toHaveAccessibleDescription(/可只填姓氏.*请填写您的姓名/)
  await expect(page.locator('body')).not.toContainText('来电')
  await snap(page, 'public-form-zh-errors')
  // Choosing a town clears its message; its villages load into the second picker.
  await town.selectOption({ label: '文化街道' })
  await expect(town).not.toHaveAttribute('aria-invalid', 'true')
  await expect(form.getByText('请选择问题所在的镇街')).toHaveCount(0)
  await expect(form.getByLabel('村居（社区），可不选').locator('option').nth(1)).toBeAttached()
  await town.selectOption({ label: '请选择镇街' })

  await page.getByRole('button', { name: '切换到 English' }).click()
  await expect(form.getByLabel('Your name')).toBeVisible()
  await expect(form.getByLabel('Where is the problem?')).toBeVisible()
  await form.getByRole('button', { name: 'Submit', exact: true }).click()
  await expect(form.getByText('Enter your name (or how you would like to be addressed)')).toBeVisible()
  await expect(form.getByText('Enter where the problem is')).toBeVisible()
  await expect(page.locator('body')).not.toContainText(/caller/i)
  await everyControlLabelled(page)
  await snap(page, 'public-form-en-errors')
  await page.getByRole('button', { name: /切换到|Switch to/ }).click()
})

test('a citizen tracks a request by its number typed with other brackets, spaces or digits only', async ({
  page,
  request,
}) => {
  const phone = `1370535${String(Date.now() % 10000).padStart(4, '0')}`
  const r = await request.post('/api/public/hotline/requests', {
    data: {
      callerName: '钱女士',
      callerPhone: phone,
      requestType: 'help',
      divisionCode: '370612002',
      address: '牟平区文化街道正阳路',
      description: '正阳路人行道地砖松动，老人容易绊倒。',
    },
  })
  expect(r.status(), await r.text()).toBe(201)
  const number = ((await r.json()) as { number: string }).number
  const [, prefix, year, seq] = /^(\D+)〔(\d{4})〕(\d+)$/.exec(number) ?? []
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/12345/track')
  await page.getByText('用编号和手机号', { exact: true }).click()
  await expect(page.getByText('括号可写成 [ ] 或 ( )')).toBeVisible()
  for (const typed of [`${prefix}[${year}]${seq}`, `${prefix}（${year}）${seq}`, `${year} ${seq}`, `${year}${seq}`]) {
    await page.getByLabel('工单编号').fill(typed)
    await page.getByLabel('手机号后四位').fill(phone.slice(-4))
    await page.getByRole('button', { name: '查询', exact: true }).click()
    await expect(page.getByTestId('track-number'), typed).toHaveText(number)
    await expect(page.getByTestId('track-status')).toHaveText('已受理')
  }
  await snap(page, 'public-track-digits-only')
})

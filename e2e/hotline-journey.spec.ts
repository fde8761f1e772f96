// Journey (issue #4): the 12345 operator takes a call about a cold radiator in 文化街道 with the keyboard, sees the
// knowledge base and the routing suggestion, submits with Ctrl+Enter and dispatches to 文化街道办事处 as suggested;
// the street acknowledges, asks for an extension (the centre approves) and replies; the centre accepts the reply;
// the follow-up call is 不满意, so the order is reopened; the street replies again, the centre accepts, the second
// call is 满意 and the order is closed; the statistics count it in 文化街道办事处's row. Then a citizen submits a
// request on a 390 px phone without an account and tracks it with the code from the receipt.
import { expect, type Locator, type Page, test } from '@playwright/test'
import { loginAs, screenshotter } from './journey'

const STREET_UNIT = '文化街道办事处'

const snap = screenshotter('hotline')

/** Clicks an order action, fills the dialog with `fill` and confirms; the dialog is named after the action. */
async function act(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.getByTestId('order-actions').getByRole('button', { name: action, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: action })
  await expect(dialog).toBeVisible()
  if (fill) await fill(dialog)
  await dialog.getByRole('button', { name: '确定', exact: true }).click()
  await expect(dialog).toBeHidden()
}

const status = (page: Page) => page.getByTestId('order-status').locator('[data-status]')

/** The 文化街道办事处 row of the by-unit statistics (server numbers), for before/after comparison. */
async function streetRow(page: Page): Promise<{ total: number; satisfied: number; unsatisfied: number }> {
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
  const reply = await page.request.get(`/api/hotline/stats?groupBy=unit&from=${today.slice(0, 4)}-01-01&to=${today}`)
  expect(reply.status(), await reply.text()).toBe(200)
  const body = (await reply.json()) as {
    rows: { name: string; total: number; satisfied: number; unsatisfied: number }[]
  }
  const row = body.rows.find((r) => r.name === STREET_UNIT)
  return { total: row?.total ?? 0, satisfied: row?.satisfied ?? 0, unsatisfied: row?.unsatisfied ?? 0 }
}

test('operator takes a call, the street handles it, follow-up reopens then closes it', async ({ browser, baseURL }) => {
  test.setTimeout(300_000)
  const base = baseURL ?? 'http://localhost:3100'
  const tag = Date.now().toString(36).slice(-5)
  const phone = `139${String(Date.now()).slice(-8)}`
  const description = `文化街道北关社区 3 号楼家里暖气一直不热，室温只有 14 度，已经三天了（E2E-${tag}）`
  let orderId = ''
  let number = ''

  const operator = await loginAs(browser, base, 'operator')
  const op = operator.page
  const before = await streetRow(op)

  await test.step('the operator takes the call with the keyboard and sees KB answers and the routing suggestion', async () => {
    await op.goto('/hotline/intake')
    await expect(op.getByRole('heading', { name: '话务受理', level: 3 })).toBeVisible()
    const phoneInput = op.getByLabel('来电号码')
    await expect(phoneInput).toBeFocused()
    await phoneInput.fill('1234')
    await phoneInput.press('Enter')
    await expect(op.getByText('号码格式不正确')).toBeVisible()
    await phoneInput.fill(phone)
    await phoneInput.press('Enter')
    await expect(op.getByLabel('来电人姓名')).toBeFocused()
    await op.keyboard.type('李女士')

    await op.getByLabel('诉求分类').click()
    await op.getByLabel('诉求分类').fill('暖气不热')
    await op.locator('.ant-cascader-menu-item', { hasText: '暖气不热' }).first().click()
    await op.getByLabel('所属镇街 / 村居').click()
    await op.locator('.ant-cascader-menu-item', { hasText: /^文化街道$/ }).click()
    await op.keyboard.press('Escape')
    await expect(op.getByLabel('详细地址')).toHaveValue('文化街道')
    await op.getByLabel('详细地址').fill('文化街道北关社区 3 号楼 2 单元 301')
    await op.getByLabel('诉求内容').fill(description)

    await expect(op.getByTestId('suggested-unit')).toContainText(STREET_UNIT)
    await expect(op.getByTestId('suggested-unit')).toContainText('烟台市牟平区热力有限公司')
    await expect(op.getByTestId('kb-panel').getByTestId('kb-hit').first()).toContainText('暖气不热')
    await expect(op.getByTestId('duplicates-panel')).toBeVisible()
    await snap(op, 'intake-filled')

    await op.keyboard.press('Control+Enter')
    const result = op.getByTestId('intake-result')
    await expect(result).toBeVisible()
    await expect(result.locator('[data-status]')).toHaveText('待派单')
    number = (await result.getByTestId('intake-number').textContent())?.trim() ?? ''
    expect(number).toMatch(/\d{6}$/)
    const href = await result.getByRole('link').getAttribute('href')
    orderId = href?.split('/').pop() ?? ''
    expect(orderId).toMatch(/^[0-9a-f-]{36}$/)
    await expect(op.getByLabel('来电号码')).toHaveValue('')
    await snap(op, 'intake-submitted')
  })

  await test.step('the operator dispatches to 文化街道 as the rules suggest', async () => {
    await op.getByRole('button', { name: '立即派单' }).click()
    const dialog = op.getByRole('dialog', { name: '派单' })
    await expect(dialog.getByTestId('dispatch-suggested')).toContainText(STREET_UNIT)
    await snap(op, 'dispatch-dialog')
    await dialog.getByRole('button', { name: '确认派单' }).click()
    await expect(dialog).toBeHidden()
    await op.goto(`/hotline/orders/${orderId}`)
    await expect(status(op)).toHaveText('待签收')
    await expect(op.getByTestId('order-unit')).toContainText(STREET_UNIT)
  })

  const street = await loginAs(browser, base, 'wenhua')
  const st = street.page
  await test.step('the street finds it in its worklist with an SLA card, acknowledges and asks for an extension', async () => {
    await st.goto('/hotline/worklist')
    const row = st.getByRole('row').filter({ hasText: number })
    await expect(row).toBeVisible()
    await expect(row.locator('[data-sla]')).toBeVisible()
    await expect(row.locator('[data-status]')).toHaveText('待签收')
    await snap(st, 'street-worklist')
    await row.getByRole('link', { name: number }).click()
    await expect(st).toHaveURL(new RegExp(`/hotline/orders/${orderId}$`))
    await act(st, '签收')
    await expect(status(st)).toHaveText('办理中')
    await act(st, '申请延期', async (dialog) => {
      await dialog.getByLabel('申请延期天数').fill('3')
      await dialog.getByLabel('延期理由').fill('需协调热力公司对单元供暖管网排气检修，预计需要 3 个工作日。')
    })
    await expect(status(st)).toHaveText('延期审核')
  })

  await test.step('the centre approves the extension from the board', async () => {
    await op.goto('/hotline/board?tab=extension')
    const row = op.getByTestId('board-table').getByRole('row').filter({ hasText: number })
    await expect(row).toBeVisible()
    await snap(op, 'board-extensions')
    await row.getByRole('button', { name: '审核延期' }).click()
    await expect(op).toHaveURL(new RegExp(`/hotline/orders/${orderId}$`))
    await expect(op.getByTestId('order-extension')).toContainText('3 个工作日')
    await act(op, '审核延期')
    await expect(status(op)).toHaveText('办理中')
  })

  const reply = async (text: string) => {
    await st.goto(`/hotline/orders/${orderId}`)
    await act(st, '办理答复', async (dialog) => {
      await dialog.getByLabel('办理结果及答复内容').fill(text)
      await dialog.getByText('上门走访', { exact: true }).click()
    })
    await expect(status(st)).toHaveText('待审核')
  }
  const accept = async () => {
    await op.goto('/hotline/board?tab=review')
    const row = op.getByTestId('board-table').getByRole('row').filter({ hasText: number })
    await row.getByRole('button', { name: '审核答复' }).click()
    await act(op, '审核答复')
    await expect(status(op)).toHaveText('待回访')
  }
  const followUp = async (result: string) => {
    await op.goto(`/hotline/follow-up?id=${orderId}`)
    const form = op.getByTestId('followup-form')
    await expect(op.getByTestId('followup-call')).toContainText(number)
    await form.getByText(result, { exact: true }).click()
    await expect(form.getByRole('radio', { name: result, exact: true })).toBeChecked()
    await snap(op, result === '满意' ? 'followup-satisfied' : 'followup-unsatisfied')
    await form.getByRole('button', { name: '提交回访结果' }).click()
    await expect(op.getByText(`工单 ${number} 回访结果：${result}`)).toBeVisible()
  }

  await test.step('the street replies; the centre accepts; the caller is not satisfied: reopened', async () => {
    await reply('已联系热力公司上门排气并更换单元阀门，室温恢复至 18 度，已电话告知李女士。')
    await accept()
    await followUp('不满意')
    await op.goto(`/hotline/orders/${orderId}`)
    await expect(status(op)).toHaveText('办理中')
    await expect(op.getByTestId('reopen-tag')).toHaveText('重办 1 次')
    await expect(op.getByTestId('order-timeline')).toContainText('重办')
    await snap(op, 'order-reopened')
  })

  await test.step('the street replies again; the centre accepts; the caller is satisfied: closed', async () => {
    await reply('重办：热力公司更换了楼栋入户管道过滤器，连续两日测温 19 度，李女士确认暖气正常。')
    await accept()
    await followUp('满意')
    await op.goto(`/hotline/orders/${orderId}`)
    await expect(status(op)).toHaveText('已办结')
    // A closed order takes notes only.
    await expect(op.locator('[data-action]:not([data-action="note"])')).toHaveCount(0)
    const timeline = op.getByTestId('order-timeline')
    for (const step of ['受理', '派单', '签收', '申请延期', '同意延期', '办理答复', '审核通过', '回访', '重办', '办结'])
      await expect(timeline).toContainText(step)
    await snap(op, 'order-closed')
  })

  await test.step('the statistics count the order in 文化街道办事处’s row', async () => {
    await op.goto('/hotline/stats?groupBy=unit')
    const row = op.getByTestId('stats-table').getByRole('row').filter({ hasText: STREET_UNIT })
    await expect(row).toBeVisible()
    const cells = row.getByRole('cell')
    await expect(cells.nth(1)).toHaveText(String(before.total + 1))
    // Every follow-up call counts (default): the 不满意 before the redo stays next to the 满意 after it. The order
    // is not yet due, so the 办结 figures (orders due in the period, the default) do not count it.
    await expect(cells.nth(6)).toHaveText(String(before.satisfied + 1))
    await expect(cells.nth(8)).toHaveText(String(before.unsatisfied + 1))
    await expect(op.getByTestId('stats-chart')).toBeVisible()
    await expect(op.getByTestId('stats-export')).toHaveAttribute('href', /\/api\/hotline\/stats\/export\?groupBy=unit/)
    await snap(op, 'stats')
  })

  await street.context.close()
  await operator.context.close()
})

test('a citizen submits a request on a phone and tracks it', async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    baseURL: baseURL ?? 'http://localhost:3100',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 390, height: 844 },
  })
  const phone = await context.newPage()
  const noOverflow = async () =>
    expect(
      Number(await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth')),
    ).toBeLessThanOrEqual(0)

  await phone.goto('/12345')
  await expect(phone.getByRole('heading', { name: '在线提交诉求' })).toBeVisible()
  await expect(phone.getByRole('button', { name: /用户菜单/ })).toHaveCount(0)
  const form = phone.getByTestId('public-form')
  await form.getByText('求助', { exact: true }).click()
  await form.getByLabel('诉求内容').fill('宁海街道正阳路与北关大街路口的路灯已经坏了一周，晚上过马路很不安全。')
  // Town, then (optionally) the village/community: the public picker goes down to 村居, loaded for the town.
  const place = form.getByRole('group', { name: '所在镇街（村居）' })
  await place.getByLabel('镇街', { exact: true }).selectOption({ label: '宁海街道' })
  const village = place.getByLabel('村居（社区），可不选')
  await expect(village.locator('option').nth(13)).toBeAttached()
  await expect(village).toBeEnabled()
  await form.getByLabel('问题发生的地点').fill('正阳路与北关大街路口东北角')
  await form.getByLabel('您的姓名').fill('赵先生')
  await form.getByLabel('联系电话').fill('13705350099')
  await noOverflow()
  await snap(phone, 'public-form-390')
  await form.getByRole('button', { name: '提交', exact: true }).click()

  const receipt = phone.getByTestId('public-receipt')
  await expect(receipt).toContainText('您的诉求已受理')
  const number = (await receipt.getByTestId('public-number').textContent())?.trim() ?? ''
  const token = (await receipt.getByTestId('public-token').textContent())?.trim() ?? ''
  expect(token).toMatch(/^[A-Za-z0-9]{8,64}$/)
  await noOverflow()
  await snap(phone, 'public-receipt-390')

  await receipt.getByRole('link', { name: '查看办理进度' }).click()
  await expect(phone).toHaveURL(/\/12345\/track\?token=/)
  const result = phone.getByTestId('track-result')
  await expect(result.getByTestId('track-number')).toHaveText(number)
  await expect(result.getByTestId('track-status')).toHaveText('已受理')
  await expect(result.getByTestId('track-timeline')).toBeVisible()
  // Only public facts: never the caller's phone or internal names.
  await expect(result).not.toContainText('13705350099')
  await noOverflow()
  await snap(phone, 'public-track-390')

  // The other way in: number + the last 4 digits of the phone.
  await phone.goto('/12345/track')
  await phone.getByText('用编号和手机号', { exact: true }).click()
  await phone.getByLabel('工单编号').fill(number)
  await phone.getByLabel('手机号后四位').fill('0099')
  await phone.getByRole('button', { name: '查询', exact: true }).click()
  await expect(phone.getByTestId('track-number')).toHaveText(number)
  await context.close()
})

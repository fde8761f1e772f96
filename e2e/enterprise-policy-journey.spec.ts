// Journey (issue #5): the 工信局 policy officer drafts a policy and builds its eligibility rule in the visual editor
// (高新技术企业 and R&D share ≥ 5 %); a wrong value shows the validation message on the bad node, the live preview
// counts the enterprises that qualify; publishing pushes the policy to 烟台如鱼生物科技有限公司 (R&D share 7.5 %),
// which sees it in its inbox with the reasons, while 烟台鲁味海洋食品有限公司 (no 高新 tag, R&D share 0.8 %) does not.
// The enterprise asks a question about the policy, the department answers within its 24-hour worklist and the
// enterprise rates the answer. Finally the enterprise applies for a bank loan in the service hall and the bank
// accepts and completes the request, which the enterprise then sees completed and rates.
import { expect, type Locator, type Page, test } from '@playwright/test'
import { loginAs, screenshotter } from './journey'

const ELIGIBLE = '烟台如鱼生物科技有限公司'
const LOAN = '小微企业信用贷款'

const snap = screenshotter('enterprise-policy')

/** Picks an option of an Ant Design select opened from `trigger`. */
async function pick(page: Page, trigger: Locator, option: string): Promise<void> {
  await trigger.click()
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click()
}

test('officer publishes a targeted policy; the eligible enterprise asks, rates, and gets a loan handled', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000)
  const base = baseURL ?? 'http://localhost:3100'
  const tag = Date.now().toString(36).slice(-5)
  const title = `高新技术企业研发投入奖补（E2E-${tag}）`
  const question = `（E2E-${tag}）我公司去年研发投入 960 万元，申报本政策需要提供哪些材料？`
  const answer = '请提供经审计的研发费用专项审计报告和高新技术企业证书，在政企云提交申报。'
  let policyId = ''

  const officer = await loginAs(browser, base, 'gxj')
  const op = officer.page

  await test.step('the officer builds the rule, sees the validation on the bad node and the live preview', async () => {
    await op.goto('/policy/admin/new')
    await expect(op.getByRole('heading', { name: '新建政策', level: 3 })).toBeVisible()
    await op.getByLabel('政策名称').fill(title)
    await op
      .getByLabel('扶持内容摘要')
      .fill('对研发投入占营业收入比例不低于 5% 的高新技术企业，按研发投入的 10% 给予奖补。')
    await op.getByLabel('政策全文').fill('第一条 为鼓励企业加大研发投入……')

    const editor = op.getByTestId('rule-editor')
    await editor.getByTestId('rule-start').click()
    await expect(editor.getByTestId('rule-condition')).toHaveCount(1)
    await editor.getByTestId('rule-add').click()
    await op.getByRole('menuitem', { name: '数值比较' }).click()
    const ratio = editor.getByTestId('rule-condition').nth(1)
    await pick(op, ratio.getByLabel('指标'), '研发投入占比')
    // 500 % is out of range: the message sits on that condition and in the list, with the server's path.
    await ratio.getByLabel('数值').fill('500')
    await expect(ratio.getByTestId('rule-node-issues')).toContainText('0 到 1 之间')
    await expect(editor.getByTestId('rule-issues')).toContainText('rule.all[1].gte.value')
    // The server says the same when asked to save it.
    await op.getByTestId('policy-save').click()
    await expect(op.getByText('有内容需要修改，见标红处。')).toBeVisible()
    await snap(op, 'rule-invalid')

    await ratio.getByLabel('数值').fill('5')
    await expect(editor.getByTestId('rule-issues')).toBeHidden()
    await expect(editor.getByTestId('rule-preview-count')).toContainText(/\d+ 家企业符合/)
    await expect(editor.getByTestId('rule-text')).toContainText('高新技术企业')
    // The JSON view shows the same rule.
    await editor.getByText('JSON', { exact: true }).click()
    await expect(editor.getByTestId('rule-json')).toHaveValue(/"rndRatio"[\s\S]*0\.05/)
    await editor.getByText('可视化编辑', { exact: true }).click()
    await snap(op, 'rule-preview')
  })

  await test.step('the officer publishes; the policy is in the library', async () => {
    await op.getByTestId('policy-publish').click()
    await op
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s?定/ })
      .click()
    await expect(op).toHaveURL(/\/policy\/admin\/[0-9a-f-]{36}$/)
    policyId = op.url().split('/').pop() ?? ''
    await expect(op.locator('[data-status="published"]').first()).toBeVisible()
  })

  const eligible = await loginAs(browser, base, 'enterprise')
  const en = eligible.page
  await test.step('the eligible enterprise finds it in its inbox with the reasons, marked unread', async () => {
    const item = en.getByTestId('my-policy').filter({ hasText: title })
    // Matching and the push run in the background after publishing.
    await expect(async () => {
      await en.goto('/policy/mine')
      await expect(item).toBeVisible({ timeout: 3_000 })
    }).toPass({ timeout: 60_000 })
    await expect(item).toHaveAttribute('data-unread', 'true')
    await expect(item.getByTestId('match-reasons')).toContainText('高新技术企业')
    await snap(en, 'enterprise-inbox')
    await en.goto('/enterprise/portal')
    await expect(en.getByTestId('my-policies').getByTestId('my-policy').filter({ hasText: title })).toBeVisible()
    await snap(en, 'enterprise-portal')
  })

  await test.step('the ineligible enterprise does not get it', async () => {
    const other = await loginAs(browser, base, 'enterprise2')
    const reply = await other.page.request.get('/api/policy/mine/policies?page=1&pageSize=200')
    expect(reply.status()).toBe(200)
    const body = (await reply.json()) as { items: { policy: { id: string } }[] }
    expect(body.items.map((m) => m.policy.id)).not.toContain(policyId)
    await other.page.goto('/policy/mine')
    await expect(other.page.getByRole('heading', { name: '我的政策', level: 3 })).toBeVisible()
    await expect(other.page.getByTestId('my-policy').filter({ hasText: title })).toHaveCount(0)
    await other.context.close()
  })

  await test.step('the enterprise opens the policy (read) and asks a question', async () => {
    await en.goto('/policy/mine')
    await en.getByTestId('my-policy').filter({ hasText: title }).getByRole('link', { name: title }).click()
    await expect(en.getByRole('heading', { name: title, level: 3 })).toBeVisible()
    await expect(en.getByTestId('my-match')).toContainText('高新技术企业')
    await en.getByTestId('policy-ask').click()
    const dialog = en.getByRole('dialog', { name: '我要提问' })
    await dialog.getByLabel('问题内容').fill(question)
    await snap(en, 'ask-question')
    await dialog.getByRole('button', { name: '提交问题' }).click()
    await expect(dialog).toBeHidden()
    await en.goto('/policy/mine')
    await expect(en.getByTestId('my-policy').filter({ hasText: title })).toHaveAttribute('data-unread', 'false')
    await expect(en.getByTestId('my-question').filter({ hasText: question })).toContainText('待答复')
  })

  await test.step('the department answers from its Q&A worklist with the 24-hour countdown', async () => {
    await op.goto('/policy/questions')
    const row = op.getByRole('row').filter({ hasText: question.slice(0, 24) })
    await expect(row).toBeVisible()
    await expect(row.locator('[data-sla]')).toHaveAttribute('data-sla', 'on_track')
    await snap(op, 'qa-worklist')
    await row.getByText(question.slice(0, 24)).click()
    const drawer = op.getByTestId('question-drawer')
    await drawer.getByLabel('答复内容').fill(answer)
    await drawer.getByRole('button', { name: '提交答复' }).click()
    await expect(drawer.getByTestId('question-answer')).toContainText(answer)
  })

  await test.step('the enterprise reads the answer and rates it', async () => {
    await en.goto('/policy/mine')
    const item = en.getByTestId('my-question').filter({ hasText: question })
    await expect(item.getByTestId('question-answer')).toContainText(answer)
    await item.getByRole('button', { name: '评价答复' }).click()
    const dialog = en.getByRole('dialog', { name: '评价答复' })
    await dialog.getByText('非常满意', { exact: true }).click()
    await dialog.getByRole('button', { name: '提交评价' }).click()
    await expect(dialog).toBeHidden()
    await expect(item.getByTestId('question-rated')).toHaveAttribute('data-level', '5')
  })

  let number = ''
  await test.step('the enterprise applies for a bank loan in the service hall', async () => {
    await en.goto('/enterprise/portal')
    const hall = en.getByTestId('service-hall')
    await hall.getByRole('tab', { name: '融资服务' }).click()
    await hall.getByRole('button', { name: `申请 ${LOAN}` }).click()
    const dialog = en.getByRole('dialog', { name: `申请服务：${LOAN}` })
    await dialog.getByLabel('需求说明').fill(`扩大检测设备产能，申请信用贷款 300 万元，期限 1 年（E2E-${tag}）`)
    await dialog.getByLabel('联系人').fill('王经理')
    await dialog.getByLabel('联系电话').fill('13805351234')
    await dialog.getByRole('button', { name: '提交申请' }).click()
    await expect(dialog).toBeHidden()
    const toast = en.locator('.ant-message').getByText(/申请已提交，编号/)
    await expect(toast).toBeVisible()
    number = (/编号\s*(\S+)/.exec((await toast.textContent()) ?? '')?.[1] ?? '').trim()
    expect(number).toMatch(/\d{6}$/)
    const row = en.getByTestId('my-requests').getByRole('row').filter({ hasText: number })
    await expect(row.locator('[data-status]')).toHaveText('待受理')
    await snap(en, 'loan-requested')
  })

  await test.step('the bank accepts and completes it', async () => {
    const bank = await loginAs(browser, base, 'bank')
    const bk = bank.page
    await bk.goto('/enterprise/provider')
    const row = bk.getByRole('row').filter({ hasText: number })
    await expect(row).toContainText(ELIGIBLE)
    await row.click()
    const drawer = bk.getByTestId('request-drawer')
    await drawer.getByTestId('request-actions').getByRole('button', { name: '受理', exact: true }).click()
    await expect(drawer.getByTestId('request-status').locator('[data-status]')).toHaveText('办理中')
    await drawer.getByTestId('request-actions').getByRole('button', { name: '办结', exact: true }).click()
    const dialog = bk.getByRole('dialog', { name: '办结' })
    await dialog.getByLabel('办理结果').fill('已审批通过信用贷款 300 万元，年利率 3.45%，资金已放款。')
    await dialog.getByRole('button', { name: /确\s?定/ }).click()
    await expect(dialog).toBeHidden()
    await expect(drawer.getByTestId('request-status').locator('[data-status]')).toHaveText('已办结')
    await snap(bk, 'bank-completed')
    await bank.context.close()
  })

  await test.step('the enterprise sees it completed and rates it', async () => {
    await en.goto('/enterprise/portal')
    const row = en.getByTestId('my-requests').getByRole('row').filter({ hasText: number })
    await expect(row.locator('[data-status]')).toHaveText('已办结')
    await row.click()
    const drawer = en.getByTestId('request-drawer')
    await expect(drawer.getByTestId('request-result')).toContainText('300 万元')
    await drawer.getByText('非常满意', { exact: true }).click()
    await drawer.getByRole('button', { name: '提交评价' }).click()
    await expect(drawer.getByTestId('rating-result')).toHaveAttribute('data-level', '5')
    await snap(en, 'loan-rated')
  })

  await eligible.context.close()
  await officer.context.close()
})

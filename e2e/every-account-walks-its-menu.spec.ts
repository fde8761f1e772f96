// Regression (issue #10 §1): every demo account walks its whole side menu at 1366×800, in Chinese. What must never
// happen on any page it can open from its menu:
// - a raw identifier in visible text: a snake_case state or subject key (`hotline_order`), a workflow action key
//   (`acknowledge`) or a demo username where a person's name belongs;
// - a red error banner (a menu entry the account's capabilities cannot actually use);
// - a menu group with no entry in it;
// - the enterprise home page hammering the API (it once fired ~54 requests a second for admin);
// - a worklist whose deadline or SLA column is cut off by the 1366 px screen.
// A pending (not yet verified) enterprise account is registered and walked too.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, expect, type Page, test } from '@playwright/test'
import { DEMO_ACCOUNTS } from '../apps/server/src/platform/seed-accounts'

const password = process.env.RUYU_DEMO_PASSWORD ?? 'Ruyu@2026'
const screenshots = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts', 'screenshots', 'walk')
mkdirSync(screenshots, { recursive: true })
const VIEWPORT = { width: 1366, height: 800 }
const DEMO_USERNAMES = DEMO_ACCOUNTS.map((a) => a.username)

/** Latin words that are legitimate in the Chinese UI (abbreviations, product names, units). */
const ALLOWED_WORDS = new Set(['excel', 'csv', 'pdf', 'xlsx', 'http', 'https', 'www', 'com', 'cn', 'api', 'ruyu'])
/** Workflow action and state keys that once leaked into the Chinese UI. */
const RAW_KEYS =
  /\b(acknowledge|handling|dispatched|submitted|pending|verified|rejected|approve|reject|provider|reply|review|returned|closed|declined|completed|accepted)\b/

/** Pages where a username is the thing shown (the staff directory lists accounts by login name). */
const USERNAME_PAGES = new Set(['/directory/staff', '/enterprise/members'])

/** The worklists and the header text of their deadline or SLA column. */
const DEADLINE_COLUMNS: Record<string, RegExp> = {
  '/hotline/worklist': /期限|时限|预警/,
  '/hotline/orders': /期限|时限|预警/,
  '/workflow/tasks': /期限|时限/,
  '/approval/cases': /期限|时限/,
  '/policy/questions': /期限|时限/,
}

async function login(browser: Browser, baseURL: string, username: string, pass = password): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: VIEWPORT,
  })
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(pass)
  await page.getByRole('button', { name: '登录', exact: true }).click()
  await expect(page).not.toHaveURL(/\/login/)
  await expect(page.getByRole('button', { name: /用户菜单/ })).toBeVisible()
  return page
}

/** Waits until the page stops calling the API (or gives up after a few seconds: the request count says why). */
async function settle(page: Page): Promise<boolean> {
  await page.waitForLoadState('networkidle', { timeout: 1_500 }).catch(() => undefined)
  // A shared CI machine can be slow to paint: generous, since a page that loops never gets there at all.
  return expect(page.locator('.ant-layout-content .ant-spin-spinning'))
    .toHaveCount(0, { timeout: 20_000 })
    .then(() => true)
    .catch(() => false)
}

/** Side-menu groups and their entries, as rendered. */
async function readMenu(page: Page): Promise<{ groups: { title: string; entries: number }[]; links: string[] }> {
  const nav = page.locator('.ant-layout-sider nav')
  const groups = await nav.locator('li.ant-menu-submenu').evaluateAll((nodes) =>
    nodes.map((n) => ({
      title: n.querySelector('.ant-menu-submenu-title')?.textContent?.trim() ?? '',
      entries: n.querySelectorAll('li.ant-menu-item').length,
    })),
  )
  const links = await nav.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
  return { groups, links: [...new Set(links)] }
}

/** Problems with the visible text of the page's main area. */
function textProblems(text: string, pagePath: string): string[] {
  const problems: string[] = []
  for (const m of text.matchAll(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g)) problems.push(`raw key "${m[0]}"`)
  const raw = RAW_KEYS.exec(text)
  if (raw) problems.push(`raw action/state "${raw[0]}"`)
  if (!USERNAME_PAGES.has(pagePath)) {
    for (const word of text.match(/\b[a-z][a-z0-9]+\b/g) ?? []) {
      if (ALLOWED_WORDS.has(word)) continue
      if (DEMO_USERNAMES.includes(word)) problems.push(`username "${word}"`)
    }
  }
  return [...new Set(problems)]
}

/** Header cells of every table whose right edge lies beyond what the table's scroll box shows. */
async function deadlineColumnCut(page: Page, header: RegExp): Promise<string | null> {
  const cells = page.locator('.ant-table-thead th').filter({ hasText: header })
  if ((await cells.count()) === 0) return 'no deadline column'
  const cell = cells.first()
  await expect(cell).toBeVisible()
  const box = await cell.boundingBox()
  if (!box) return 'deadline column has no box'
  if (box.x < 0 || box.x + box.width > VIEWPORT.width) return `deadline column at x=${Math.round(box.x)} is off screen`
  // Inside a horizontally scrolled table, the column must lie within the scroll box, not behind its edge.
  const clip = await cell.evaluate((th) => {
    const scroller = th.closest('.ant-table-content, .ant-table-header, .ant-table-body')
    if (!scroller) return null
    const outer = scroller.getBoundingClientRect()
    const own = th.getBoundingClientRect()
    return own.left >= outer.left - 1 && own.right <= outer.right + 1 ? null : 'outside the scroll box'
  })
  return clip
}

interface Visit {
  account: string
  path: string
  problems: string[]
}

/** Pages already walked by an account of the same role (the 14 department reviewers share one menu). */
const walked = new Set<string>()
const WALK_ALL = process.env.RUYU_WALK_ALL === '1'

async function walk(page: Page, account: string, role: string): Promise<Visit[]> {
  const visits: Visit[] = []
  await settle(page)
  const menu = await readMenu(page)
  const empty = menu.groups.filter((g) => g.entries === 0)
  if (empty.length) visits.push({ account, path: '(menu)', problems: empty.map((g) => `empty group ${g.title}`) })
  for (const link of menu.links) {
    // Every account's menu is checked; its pages once per role (RUYU_WALK_ALL=1 walks every account's pages).
    if (!WALK_ALL && walked.has(`${role} ${link}`)) continue
    walked.add(`${role} ${link}`)
    let apiCalls = 0
    const count = (r: { url(): string }) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls += 1
    }
    page.on('request', count)
    await page.goto(link)
    const settled = await settle(page)
    // Watch a further two seconds: a page that settled keeps quiet.
    const before = apiCalls
    await page.waitForTimeout(1_500)
    page.off('request', count)
    const problems: string[] = settled ? [] : ['still loading after 20 s']
    // A settled page polls at most the notification count; the looping page made ~80 calls in this window.
    if (apiCalls - before > 10) problems.push(`${apiCalls - before} API calls in 1.5 s after settling`)
    if (apiCalls > 40) problems.push(`${apiCalls} API calls to load`)
    const main = page.locator('.ant-layout-content main')
    const text = await main.innerText()
    problems.push(...textProblems(text, link))
    const errors = await main.locator('.ant-alert-error:visible, .ant-result-error:visible').allTextContents()
    for (const e of errors) problems.push(`error banner: ${e.replace(/\s+/g, ' ').slice(0, 80)}`)
    if (await main.getByText('403', { exact: true }).count()) problems.push('403 page')
    const header = DEADLINE_COLUMNS[link]
    if (header) {
      const cut = await deadlineColumnCut(page, header)
      if (cut) problems.push(cut)
    }
    const name = `${account}${link.replaceAll('/', '-')}`.slice(0, 100)
    await page.screenshot({ path: path.join(screenshots, `${name}.png`) })
    if (problems.length) {
      visits.push({ account, path: link, problems })
      console.log(`${account} ${link}: ${problems.join('; ')}`)
    }
  }
  return visits
}

test('every demo account walks its menu without raw identifiers, errors, empty groups or cut deadlines', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(30 * 60_000)
  const found: Visit[] = []
  for (const { username: account, role } of DEMO_ACCOUNTS) {
    const page = await login(browser, baseURL ?? '', account)
    found.push(...(await walk(page, account, role)))
    await page.context().close()
  }
  // A self-registered enterprise account that staff have not verified yet.
  const username = `pending${Date.now().toString(36)}`
  const reply = await (await browser.newContext({ baseURL })).request.post('/api/public/enterprise/register', {
    data: {
      uscc: '91370612MA3C12346J',
      enterpriseName: '烟台如鱼生物科技有限公司',
      username,
      password: 'Pending@2026',
      contactName: '待审 员工',
      mobile: '13905359999',
    },
  })
  expect(reply.status(), await reply.text()).toBeLessThan(300)
  const pending = await login(browser, baseURL ?? '', username, 'Pending@2026')
  found.push(...(await walk(pending, 'pending-enterprise', 'pending_enterprise')))
  await pending.context().close()

  expect(found.map((v) => `${v.account} ${v.path}: ${v.problems.join('; ')}`)).toEqual([])
})

test('the citizen console links to the public 12345 request page', async ({ browser, baseURL }) => {
  const page = await login(browser, baseURL ?? '', 'citizen')
  const link = page.locator('.ant-layout-content main').getByRole('link', { name: '在线反映诉求' })
  await expect(link).toBeVisible()
  await link.click()
  await expect(page).toHaveURL(/\/12345$/)
  await page.context().close()
})

test('the enterprise home page settles for admin, who sees no enterprise-only menu entries', async ({
  browser,
  baseURL,
}) => {
  const page = await login(browser, baseURL ?? '', 'admin')
  const menu = await readMenu(page)
  for (const enterpriseOnly of ['/enterprise/portal', '/enterprise/board', '/policy/mine', '/approval/apply']) {
    expect(menu.links).not.toContain(enterpriseOnly)
  }
  let apiCalls = 0
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls += 1
  })
  await page.goto('/enterprise/portal')
  await page.waitForTimeout(5_000)
  // Opened directly, the page loads once and stays quiet (it once fired 54 requests a second).
  expect(apiCalls).toBeLessThan(15)
  await page.screenshot({ path: path.join(screenshots, 'admin-enterprise-portal-direct.png') })
  await page.context().close()
})

// Helpers of the approval journeys: the engine's action dialogs, a department's branch card, and filling the
// application wizard's combined form field by field (AntD selects, switches and date pickers included).
import { expect, type Locator, type Page } from '@playwright/test'

/** Clicks an action button the engine offered inside `scope`, fills the opinion when given and confirms. */
export async function act(page: Page, scope: Locator, action: string, opinion?: string): Promise<void> {
  await scope.getByRole('button', { name: action, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: action })
  await expect(dialog).toBeVisible()
  if (opinion) await dialog.getByRole('textbox').fill(opinion)
  await dialog.getByRole('button', { name: '确定' }).click()
  await expect(dialog).toBeHidden()
}

/** A department's card in the first stage's lane (the same department may come back in a later stage). */
export const branch = (page: Page, department: string) => page.getByTestId('lane-1').getByTestId(`branch-${department}`)

/** The open dropdown of an AntD select. */
const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')

export async function chooseOption(page: Page, field: Locator, label?: string): Promise<void> {
  await field.locator('.ant-select').click()
  const options = openDropdown(page).locator('.ant-select-item-option')
  const option = label ? options.filter({ hasText: new RegExp(`^${label}$`) }) : options.first()
  await option.click()
  await expect(openDropdown(page)).toHaveCount(0)
}

/** Fills one field of the combined form by its type (the wizard marks each with data-field-key/-type). */
export async function fill(page: Page, scope: Locator, key: string, value: string | number | boolean): Promise<void> {
  const field = scope.locator(`[data-field-key="${key}"]`)
  const type = await field.getAttribute('data-field-type')
  if (type === 'select' || type === 'division') await chooseOption(page, field, String(value))
  else if (type === 'boolean') {
    const toggle = field.getByRole('switch')
    if ((await toggle.getAttribute('aria-checked')) !== String(value)) await toggle.click()
    await expect(toggle).toHaveAttribute('aria-checked', String(value))
  } else if (type === 'date') {
    const input = field.locator('input')
    await input.click()
    await input.fill(String(value))
    await input.press('Enter')
    await expect(input).toHaveValue(String(value))
  } else await field.locator('input').fill(String(value))
}

/** Realistic values for the required fields of the combined form, by key; anything else is filled by its type. */
export const KNOWN: Record<string, string | number> = {
  landUseType: '工业用地',
  landContractNo: '牟自然资出让〔2026〕第018号',
  buildingHeightM: 23.5,
  floorsAbove: 5,
  designUnit: '烟台市建筑设计研究股份有限公司',
  constructionUnit: '山东烟建集团有限公司',
  supervisionUnit: '烟台市建设监理有限公司',
  contractPriceWan: 26800,
  plannedStart: '2026-12-20',
  plannedFinish: '2028-06-30',
  occupyFrom: '2026-12-20',
  occupyTo: '2027-03-20',
}

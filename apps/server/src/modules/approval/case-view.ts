/** How a case is shown: the list summary, and the receipt that is also the core of the detail. */
import type { CaseReceipt } from '@ruyu/contracts/approval'
import { maskMobile } from '@ruyu/contracts/identifiers'
import type { CaseRow } from './repo.ts'

export const caseSummary = (c: CaseRow) => ({
  id: c.id,
  number: c.number,
  title: c.title,
  themeCode: c.themeCode,
  variantName: c.variantName,
  enterpriseName: c.enterpriseName,
  divisionCode: c.divisionCode,
  channel: c.channel,
  status: c.status,
  committedDays: c.committedDays,
  submittedAt: c.submittedAt.toISOString(),
  issuedAt: c.issuedAt?.toISOString() ?? null,
  closedAt: c.closedAt?.toISOString() ?? null,
})

/** The case with its items, materials and zone reuse: the receipt, and the core of the detail. */
export const caseDetail = (
  c: CaseRow,
  parts: Pick<CaseReceipt, 'items' | 'materials' | 'zoneReuse' | 'issueOverrides'>,
): CaseReceipt => ({
  ...caseSummary(c),
  themeVersion: c.themeVersion,
  variantKey: c.variantKey,
  projectCode: c.projectCode,
  enterpriseUscc: c.enterpriseUscc,
  contactName: c.contactName,
  contactMobileMasked: c.contactMobile ? maskMobile(c.contactMobile) : null,
  parkCode: c.parkCode,
  form: c.form,
  plan: c.plan as never,
  ...parts,
})

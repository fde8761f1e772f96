import type { Client } from '@ruyu/testkit'

export const THEME = 'MP-THEME-CONSTRUCTION'
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

/** The identity fields of a 拿地即开工 industrial project in 玉林店镇; item fields are filled by type. */
export const baseForm = (over: Record<string, unknown> = {}) => ({
  projectName: '烟台如鱼生物医药产业园一期',
  projectCode: '2611-370612-04-01-123456',
  projectType: 'industrial',
  socialInvestment: true,
  landGrantWithScheme: true,
  divisionCode: '370612106',
  address: '烟台市牟平区玉林店镇工业园路8号',
  landAreaMu: 120,
  floorAreaM2: 56000,
  investmentWan: 38000,
  builder: '烟台如鱼生物科技有限公司',
  builderUscc: '91370612MA3C12346J',
  contactName: '王磊',
  contactPhone: '13905350011',
  ...over,
})

interface Field {
  key: string
  type: string
  required: boolean
  options?: { value: string }[]
}

/** Fills every required field the combined form asks for with a plausible value of its type. */
export function fillForm(fields: Field[], base: Record<string, unknown>) {
  const form: Record<string, unknown> = { ...base }
  for (const f of fields) {
    if (form[f.key] !== undefined || !f.required) continue
    form[f.key] =
      f.type === 'number'
        ? 10
        : f.type === 'boolean'
          ? false
          : f.type === 'date'
            ? '2026-12-15'
            : f.type === 'select'
              ? f.options![0]!.value
              : f.type === 'division'
                ? '370612106'
                : f.key.endsWith('Uscc')
                  ? '91370612MA3C12346J'
                  : /Phone$|Mobile$/.test(f.key)
                    ? '13905350011'
                    : `${f.key}（测试）`
  }
  return form
}

export async function uploadPdf(c: Client, name = '材料.pdf'): Promise<string> {
  const boundary = '----ruyu'
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  const r = await c.request({
    method: 'POST',
    url: '/api/files',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  })
  if (r.statusCode !== 201) throw new Error(`upload failed ${r.body}`)
  return r.json().id
}

/**
 * A complete online application: the plan for the form, every required field, one uploaded file shared by all
 * materials except `pending` ones (容缺, due in 10 days).
 */
export async function application(
  c: Client,
  opts: { form?: Record<string, unknown>; pending?: number; parkCode?: string } = {},
) {
  const plan = (
    await c.post('/api/approval/plan', {
      themeCode: THEME,
      form: baseForm(opts.form),
      ...(opts.parkCode ? { parkCode: opts.parkCode } : {}),
    })
  ).json()
  const form = fillForm(plan.form.fields, baseForm(opts.form))
  const fileId = await uploadPdf(c)
  const required = plan.form.materials.filter((m: { required: boolean }) => m.required)
  const materials = required.map((m: { code: string }, i: number) =>
    i < (opts.pending ?? 0) ? { code: m.code, pendingDueDate: '2026-12-31' } : { code: m.code, fileId },
  )
  return { themeCode: THEME, form, materials, ...(opts.parkCode ? { parkCode: opts.parkCode } : {}), plan }
}

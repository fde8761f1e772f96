import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { fieldUnit, optionLabel } from '../../catalog/field-text'
import type { CombinedField, CombinedForm, Division, Park, PlanReply, ServiceLocation, ThemeDetail } from '../api'
import type { FieldGroup, FormValues, Principal } from '../apply-model'
import { fieldLabel } from './field-input'
import type { Choices } from './materials-step'
import { VariantTag } from './plan-summary'

/** A form value as the applicant reads it back: 是/否, the option's label, the town's name, the number with unit. */
export function displayValue(
  field: CombinedField,
  value: unknown,
  towns: Division[],
  words: { yes: string; no: string; empty: string },
): string {
  if (value === undefined || value === null || value === '') return words.empty
  if (field.type === 'boolean') return value ? words.yes : words.no
  if (field.type === 'select') {
    const option = field.options?.find((o) => o.value === value)
    return option ? optionLabel(field, option) : String(value)
  }
  if (field.type === 'division') return towns.find((d) => d.code === value)?.name ?? String(value)
  if (field.type === 'number' && field.unit) return `${value} ${fieldUnit(field)}`
  return String(value)
}

/** Step 4: everything that will be sent, grouped as it was filled in, with the plan and the materials' state. */
export function ReviewStep({
  combined,
  theme,
  plan,
  basics,
  groups,
  values,
  towns,
  choices,
  park,
  principal,
  location,
}: {
  combined: CombinedForm
  theme: ThemeDetail | undefined
  plan: PlanReply | undefined
  basics: CombinedField[]
  groups: FieldGroup[]
  values: FormValues | undefined
  towns: Division[]
  choices: Choices
  park: Park | undefined
  principal?: Principal
  location?: ServiceLocation
}) {
  const { t } = useTranslation()
  const words = { yes: t('approval.apply.yes'), no: t('approval.apply.no'), empty: t('approval.review.empty') }
  const rows = (fields: CombinedField[]) =>
    fields.map((f) => ({
      key: f.key,
      label: fieldLabel(f),
      children: displayValue(f, values?.[f.key], towns, words),
    }))
  const pending = combined.materials.filter((m) => choices[m.code]?.kind === 'pending')
  const files = combined.materials.filter((m) => choices[m.code]?.kind === 'file')
  return (
    <Flex vertical gap={16} data-testid="review-step">
      <Alert type="info" showIcon title={t('approval.review.confirm')} />
      <Card size="small" title={t('approval.review.plan')}>
        <Flex gap={8} wrap align="center">
          <VariantTag
            name={plan?.variant?.name ?? combined.plan.name}
            variantKey={plan?.variant?.key ?? null}
            theme={theme}
          />
          <Typography.Text>
            {t('approval.variant.total', { days: combined.plan.committedDays, legal: combined.plan.legalDays })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('approval.review.items', { count: combined.items.length })}
          </Typography.Text>
        </Flex>
      </Card>
      {principal ? (
        <Card size="small" title={t('approval.principal.title')}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'name', label: t('approval.principal.enterpriseName'), children: principal.enterpriseName },
              { key: 'uscc', label: t('approval.principal.enterpriseUscc'), children: principal.enterpriseUscc },
              { key: 'contact', label: t('approval.principal.contactName'), children: principal.contactName },
              { key: 'mobile', label: t('approval.principal.contactMobile'), children: principal.contactMobile },
              { key: 'location', label: t('approval.principal.location'), children: location?.name ?? '—' },
            ]}
          />
        </Card>
      ) : null}
      <Card size="small" title={t('approval.steps.basics')}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={rows(basics)} />
      </Card>
      {groups.map((g) => (
        <Card key={g.stage} size="small" title={t('approval.apply.groupTitle', { name: g.name })}>
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={rows(g.fields)} />
        </Card>
      ))}
      <Card size="small" title={t('approval.steps.materials')}>
        <Typography.Paragraph>
          {t('approval.review.materials', { files: files.length, pending: pending.length })}
        </Typography.Paragraph>
        {pending.length ? (
          <Flex vertical gap={4}>
            {pending.map((m) => {
              const c = choices[m.code]
              return (
                <Typography.Text key={m.code}>
                  <Tag color="orange">{t('approval.materials.pendingShort')}</Tag>
                  {m.name}
                  <Typography.Text type="secondary">
                    {' '}
                    {t('approval.review.dueBy', { date: c?.kind === 'pending' ? c.dueDate : '' })}
                  </Typography.Text>
                </Typography.Text>
              )
            })}
          </Flex>
        ) : null}
      </Card>
      <Card size="small" title={t('approval.park.title')}>
        {park ? (
          <Typography.Text>
            {park.name}
            {park.divisionName ? `（${park.divisionName}）` : ''}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('approval.review.noPark')}</Typography.Text>
        )}
      </Card>
    </Flex>
  )
}

import { Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { labelOf } from '../../../shared/labels'
import type { Condition, FormField, Rule } from '../api'
import { fieldLabel, fieldUnit, optionLabel } from '../field-text'

const OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in'] as const
type Operator = (typeof OPERATORS)[number]

/** The operator and operand of a condition (`{ field, lt: 5000 }` → ['lt', 5000]). */
export function operatorOf(c: Condition): [Operator, unknown] {
  const op = OPERATORS.find((o) => o in c) ?? 'eq'
  return [op, (c as Record<string, unknown>)[op]]
}

/** A value as the form shows it: option labels for choices, 是/否 for flags, units for numbers. */
export function useValueText(fields: FormField[]) {
  const { t } = useTranslation()
  return (key: string, value: unknown): string => {
    const field = fields.find((f) => f.key === key)
    const one = (v: unknown) => {
      if (typeof v === 'boolean') return v ? t('catalog.common.yes') : t('catalog.common.no')
      const option = field?.options?.find((o) => o.value === String(v))
      if (field && option) return optionLabel(field, option)
      return field?.unit ? `${v} ${fieldUnit(field)}` : String(v)
    }
    return Array.isArray(value) ? value.map(one).join('、') : one(value)
  }
}

/** One condition in words: 项目类型 等于 工业项目. */
export function ConditionText({ condition, fields }: { condition: Condition; fields: FormField[] }) {
  const valueText = useValueText(fields)
  const [op, operand] = operatorOf(condition)
  const field = fields.find((f) => f.key === condition.field)
  const label = field ? fieldLabel(field) : condition.field
  return (
    <span>
      <Typography.Text strong>{label}</Typography.Text> {labelOf('catalog.operators', op)}{' '}
      <Typography.Text code>{valueText(condition.field, operand)}</Typography.Text>
    </span>
  )
}

/** A variant rule in words; a null rule reads "applies when none of the above does". */
export function RuleText({ rule, fields }: { rule: Rule | null; fields: FormField[] }) {
  const { t } = useTranslation()
  if (!rule) return <Typography.Text type="secondary">{t('catalog.themes.defaultRule')}</Typography.Text>
  const part = (title: string, conditions: Condition[] | undefined) =>
    conditions?.length ? (
      <div>
        <Typography.Text type="secondary">{title}</Typography.Text>
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {conditions.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity beyond their position
            <li key={i}>
              <ConditionText condition={c} fields={fields} />
            </li>
          ))}
        </ul>
      </div>
    ) : null
  return (
    <Space orientation="vertical" size={4}>
      {part(t('catalog.themes.ruleAll'), rule.all)}
      {part(t('catalog.themes.ruleAny'), rule.any)}
    </Space>
  )
}

import { isCnMobile, isValidUscc } from '@ruyu/contracts/identifiers'
import { DatePicker, Form, type FormRule, Input, InputNumber, Select, Switch } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldLabelWithUnit, fieldUnit, fieldLabel as nameOf, optionLabel } from '../../catalog/field-text'
import type { CombinedField, Division } from '../api'

/** Label with the unit, as officials write it: 用地面积（亩）; translated by key in English. */
export function fieldLabel(field: Pick<CombinedField, 'key' | 'label' | 'unit'>): string {
  return fieldLabelWithUnit(field)
}

const isUsccKey = (key: string) => key.endsWith('Uscc')
const isMobileKey = (key: string) => /Phone$|Mobile$/.test(key)

/**
 * One field of the combined form as an AntD form item under `['form', key]`: text, number with its unit, date
 * (kept as YYYY-MM-DD), town picker, select or yes/no switch. Required marks, and the USCC / mobile checks the
 * server applies, are checked here first.
 */
export const FieldInput = memo(function FieldInput({
  field,
  towns,
  usedBy,
}: {
  field: CombinedField
  towns: Division[]
  /** Hover text naming the items that need the field. */
  usedBy?: string
}) {
  const { t } = useTranslation()
  const label = fieldLabel(field)
  const rules: FormRule[] = []
  if (field.required && field.type !== 'boolean')
    rules.push({
      required: true,
      // The validator's default type is string: a number field must say so or 120 fails as "not a string".
      ...(field.type === 'number' ? { type: 'number' as const } : {}),
      whitespace: field.type === 'text',
      message: ['select', 'division', 'date'].includes(field.type)
        ? t('approval.apply.requiredSelect', { label: nameOf(field) })
        : t('approval.apply.required', { label: nameOf(field) }),
    })
  if (field.type === 'text' && isUsccKey(field.key))
    rules.push({
      validator: (_, v?: string) =>
        !v || isValidUscc(v) ? Promise.resolve() : Promise.reject(new Error(t('approval.apply.usccInvalid'))),
    })
  if (field.type === 'text' && isMobileKey(field.key))
    rules.push({
      validator: (_, v?: string) =>
        !v || isCnMobile(v) ? Promise.resolve() : Promise.reject(new Error(t('approval.apply.mobileInvalid'))),
    })

  const common = { name: ['form', field.key], label, tooltip: usedBy, rules }
  let item: React.ReactNode
  switch (field.type) {
    case 'number':
      item = (
        <Form.Item {...common}>
          <InputNumber<number> min={0} style={{ width: '100%' }} suffix={fieldUnit(field)} />
        </Form.Item>
      )
      break
    case 'date':
      item = (
        <Form.Item
          {...common}
          getValueProps={(v?: string | null) => ({ value: v ? dayjs(v) : undefined })}
          normalize={(d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
        >
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" placeholder={t('approval.apply.placeholderDate')} />
        </Form.Item>
      )
      break
    case 'division':
      item = (
        <Form.Item {...common}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('approval.apply.placeholderTown')}
            options={towns.map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
      )
      break
    case 'select':
      item = (
        <Form.Item {...common}>
          <Select
            placeholder={t('approval.apply.placeholderSelect')}
            options={(field.options ?? []).map((o) => ({ value: o.value, label: optionLabel(field, o) }))}
          />
        </Form.Item>
      )
      break
    case 'boolean':
      item = (
        <Form.Item {...common} valuePropName="checked" initialValue={false}>
          <Switch checkedChildren={t('approval.apply.yes')} unCheckedChildren={t('approval.apply.no')} />
        </Form.Item>
      )
      break
    default:
      item = (
        <Form.Item
          {...common}
          normalize={isUsccKey(field.key) ? (v?: string) => v?.toUpperCase().replace(/\s/g, '') : undefined}
        >
          <Input
            maxLength={isUsccKey(field.key) ? 18 : isMobileKey(field.key) ? 11 : 500}
            inputMode={isMobileKey(field.key) ? 'tel' : undefined}
            placeholder={t('approval.apply.placeholderText')}
          />
        </Form.Item>
      )
  }
  return (
    <div data-field-key={field.key} data-field-type={field.type} data-required={field.required || undefined}>
      {item}
    </div>
  )
})

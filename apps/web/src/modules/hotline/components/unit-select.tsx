import { Select } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { UnitRef } from '../api'
import { useUnits } from '../hooks'

/**
 * Handling units (承办单位) from the directory: district departments and the town/street offices. `extra` adds
 * units the directory list may lack (a rule's or suggestion's unit), so a preset value always shows its name.
 */
export function UnitSelect({
  value,
  onChange,
  multiple = false,
  extra = [],
  exclude,
  id,
  placeholder,
  ...rest
}: {
  value?: string | string[]
  onChange?: (value: string | string[] | undefined) => void
  multiple?: boolean
  extra?: UnitRef[]
  exclude?: string
  id?: string
  placeholder?: string
  'aria-label'?: string
}) {
  const { t } = useTranslation()
  const units = useUnits()
  const options = useMemo(() => {
    const byId = new Map<string, { value: string; label: string; code: string }>()
    for (const u of units.data?.items ?? []) byId.set(u.id, { value: u.id, label: u.name, code: u.code })
    for (const u of extra) if (!byId.has(u.id)) byId.set(u.id, { value: u.id, label: u.name, code: u.code })
    return [...byId.values()].filter((o) => o.value !== exclude)
  }, [units.data, extra, exclude])
  return (
    <Select<string | string[]>
      id={id}
      aria-label={rest['aria-label']}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={(next) => onChange?.(next)}
      options={options}
      loading={units.isPending}
      showSearch={{
        filterOption: (input, option) => {
          const needle = input.trim().toLowerCase()
          const o = option as { label?: string; code?: string } | undefined
          return Boolean(o?.label?.toLowerCase().includes(needle) || o?.code?.toLowerCase().includes(needle))
        },
      }}
      placeholder={
        placeholder ?? (multiple ? t('hotline.dispatch.coUnitsPlaceholder') : t('hotline.dispatch.unitPlaceholder'))
      }
      allowClear
      style={{ width: '100%' }}
    />
  )
}

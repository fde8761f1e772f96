import { Cascader } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CategoryNode } from '../api'

interface Option {
  value: string
  label: string
  code: string
  children?: Option[]
}

function toOptions(nodes: CategoryNode[], includeInactive: boolean): Option[] {
  return nodes
    .filter((n) => includeInactive || n.active)
    .map((n) => ({
      value: n.id,
      label: n.name,
      code: n.code,
      ...(n.children.length ? { children: toOptions(n.children, includeInactive) } : {}),
    }))
}

function pathTo(nodes: CategoryNode[], id: string): string[] | null {
  for (const n of nodes) {
    if (n.id === id) return [n.id]
    const sub = pathTo(n.children, id)
    if (sub) return [n.id, ...sub]
  }
  return null
}

/**
 * The category tree (城乡建设 / 供暖 / 暖气不热) as a cascader with search by name or code; the value is one category
 * id. `anyLevel` lets a parent be chosen (routing rules apply to a whole subtree).
 */
export function CategoryCascader({
  tree,
  value,
  onChange,
  anyLevel = false,
  includeInactive = false,
  loading,
  id,
  placeholder,
  ...rest
}: {
  tree: CategoryNode[] | undefined
  value?: string | null
  onChange?: (id: string | undefined) => void
  anyLevel?: boolean
  includeInactive?: boolean
  loading?: boolean
  id?: string
  placeholder?: string
  'aria-label'?: string
}) {
  const { t } = useTranslation()
  const options = useMemo(() => toOptions(tree ?? [], includeInactive), [tree, includeInactive])
  const path = useMemo(() => (value && tree ? (pathTo(tree, value) ?? undefined) : undefined), [tree, value])
  return (
    <Cascader<Option>
      id={id}
      aria-label={rest['aria-label']}
      options={options}
      value={path}
      loading={loading}
      changeOnSelect={anyLevel}
      expandTrigger="hover"
      placeholder={placeholder ?? t('hotline.intake.categoryPlaceholder')}
      showSearch={{
        filter: (input, nodes) => nodes.some((o) => o.label.includes(input.trim()) || o.code.startsWith(input.trim())),
        limit: 50,
      }}
      onChange={(next) => onChange?.(next?.length ? String(next[next.length - 1]) : undefined)}
      style={{ width: '100%' }}
      allowClear
    />
  )
}

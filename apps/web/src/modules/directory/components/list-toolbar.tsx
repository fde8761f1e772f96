import { Flex, Input } from 'antd'
import { type ReactNode, useEffect, useState } from 'react'

/** Search box (applies on Enter or after a pause) plus optional extra filters, above a directory table. */
export function ListToolbar({
  q,
  onSearch,
  placeholder,
  label,
  children,
}: {
  q: string | undefined
  onSearch: (q: string | undefined) => void
  placeholder: string
  label: string
  children?: ReactNode
}) {
  const [value, setValue] = useState(q ?? '')
  useEffect(() => setValue(q ?? ''), [q])
  useEffect(() => {
    const trimmed = value.trim()
    if (trimmed === (q ?? '')) return
    const timer = window.setTimeout(() => onSearch(trimmed || undefined), 400)
    return () => window.clearTimeout(timer)
  }, [value, q, onSearch])
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        value={value}
        placeholder={placeholder}
        aria-label={label}
        onChange={(e) => setValue(e.target.value)}
        onSearch={(next) => onSearch(next.trim() || undefined)}
        style={{ maxWidth: 360 }}
      />
      {children}
    </Flex>
  )
}

import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { labelOf } from '../../../shared/labels'
import type { DivisionKind } from '../api'

const COLORS: Record<DivisionKind, string> = {
  province: 'red',
  city: 'magenta',
  district: 'purple',
  street: 'geekblue',
  town: 'blue',
  community: 'cyan',
  village: 'green',
}

/** 街道 / 镇 / 社区 / 村 … as a coloured tag. */
export function DivisionKindTag({ kind }: { kind: DivisionKind }) {
  useTranslation()
  return (
    <Tag color={COLORS[kind] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {labelOf('directory.divisionKinds', kind)}
    </Tag>
  )
}

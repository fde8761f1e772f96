import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { labelOf } from '../../../shared/labels'

const COLORS = ['blue', 'cyan', 'orange', 'green'] as const

/** 立项用地规划许可 / 工程建设许可 / 施工许可 / 竣工验收 as a coloured tag. */
export function StageTag({ stage }: { stage: number }) {
  useTranslation()
  return (
    <Tag color={COLORS[(stage - 1) % COLORS.length]} style={{ marginInlineEnd: 0 }}>
      {labelOf('catalog.stages', String(stage))}
    </Tag>
  )
}

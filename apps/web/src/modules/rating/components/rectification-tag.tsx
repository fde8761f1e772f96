import { Tag } from 'antd'
import { labelOf } from '../../../shared/labels'

const COLORS: Record<string, string> = {
  callback: 'orange',
  rectifying: 'blue',
  appeal_review: 'purple',
  rectified: 'green',
  explained: 'cyan',
  appeal_accepted: 'default',
}

/** The 差评 rectification state in words (never the state key); “无需整改” for a rating without one. */
export function RectificationTag({ state }: { state: string | null }) {
  const key = state ?? 'none'
  return (
    <Tag color={COLORS[key]} data-rectification={key} style={{ marginInlineEnd: 0 }}>
      {labelOf('rating.rectification', key)}
    </Tag>
  )
}

/** The kind of rated matter in words; unknown kinds read “其他事项”, never the raw subject type. */
export function subjectTypeLabel(type: string): string {
  const label = labelOf('rating.subjectTypes', type)
  return label === type ? labelOf('rating.subjectTypes', 'other') : label
}

import { Tag, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SlaStatus } from '../api'

/** UI.md: green on track, gold warning (黄牌), red overdue (红牌), grey paused (with the reason). */
const COLORS: Record<SlaStatus, string> = {
  on_track: 'green',
  warning: 'gold',
  overdue: 'red',
  paused: 'default',
  done: 'blue',
}

/**
 * The SLA state of a task or branch as a coloured tag. A finished branch shows whether it finished in time when
 * its completion and deadline are given.
 */
export function SlaTag({
  sla,
  reason,
  dueAt,
  completedAt,
}: {
  sla: SlaStatus
  /** Why the clock is paused (e.g. the state 补正中); shown for `paused`. */
  reason?: string | null
  dueAt?: string | null
  completedAt?: string | null
}) {
  const { t } = useTranslation()
  let color = COLORS[sla] ?? 'default'
  let label: string = t(`workflow.sla.${sla}`)
  if (sla === 'paused' && reason) label = t('workflow.sla.pausedWith', { reason })
  if (sla === 'done' && completedAt && dueAt) {
    const late = new Date(completedAt).getTime() > new Date(dueAt).getTime()
    color = late ? 'red' : 'green'
    label = late ? t('workflow.sla.doneLate') : t('workflow.sla.doneOnTime')
  }
  return (
    <Tooltip title={t('workflow.sla.help')}>
      <Tag color={color} data-sla={sla} style={{ marginInlineEnd: 0, cursor: 'help' }}>
        {label}
      </Tag>
    </Tooltip>
  )
}

import ClockCircleOutlined from '@ant-design/icons/ClockCircleOutlined'
import { useQuery } from '@tanstack/react-query'
import { Tag, Tooltip } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../workflow/format'
import { CLOSED_STATUS_SET, type Order, type SlaFlag, workdaysBetween } from '../api'

const HOUR = 3_600_000
const COLORS: Record<SlaFlag | 'paused', string> = {
  on_track: 'green',
  warning: 'gold',
  overdue: 'red',
  paused: 'default',
}

/** The deadline that counts now: 签收 while waiting for the unit to acknowledge, otherwise 办结. */
export function currentDeadline(order: Pick<Order, 'status' | 'ackDueAt' | 'dueAt'>): {
  kind: 'ack' | 'handle'
  at: string
} | null {
  // Once the unit has replied its clock has stopped; the centre's review and call have no card.
  if (CLOSED_STATUS_SET.has(order.status) || order.status === 'reviewing' || order.status === 'followup') return null
  if (order.status === 'pending_ack' && order.ackDueAt) return { kind: 'ack', at: order.ackDueAt }
  return order.dueAt ? { kind: 'handle', at: order.dueAt } : null
}

/** Working days from today to a date, from the server's holiday calendar (shared between rows due the same day). */
function useWorkdaysUntil(date: string | null) {
  const today = dayjs().format('YYYY-MM-DD')
  return useQuery({
    queryKey: ['calendar', 'between', today, date],
    queryFn: ({ signal }) => workdaysBetween(today, date ?? today, signal),
    enabled: Boolean(date) && date !== today,
    staleTime: 30 * 60_000,
  })
}

/**
 * The yellow/red card of an order (UI.md): green on track, gold 黄牌 near the deadline, red 红牌 overdue, grey while
 * an extension request stops the clock, with the time left in working days (hours when under a day or urgent).
 */
export function SlaCard({
  order,
  compact = false,
}: {
  order: Pick<Order, 'status' | 'ackDueAt' | 'dueAt' | 'slaFlag' | 'urgency'>
  compact?: boolean
}) {
  const { t } = useTranslation()
  const deadline = currentDeadline(order)
  const msLeft = deadline ? new Date(deadline.at).getTime() - Date.now() : 0
  const byHours = Boolean(deadline) && (order.urgency === 'urgent' || Math.abs(msLeft) < 24 * HOUR)
  const date = deadline && !byHours ? dayjs(deadline.at).format('YYYY-MM-DD') : null
  const workdays = useWorkdaysUntil(date)
  if (!deadline) return null

  const paused = order.status === 'extension_review'
  const overdue = msLeft < 0
  const flag: SlaFlag | 'paused' = paused ? 'paused' : overdue ? 'overdue' : order.slaFlag
  let left: string
  if (paused) left = t('hotline.sla.paused')
  else if (byHours) {
    const hours = Math.max(1, Math.ceil(Math.abs(msLeft) / HOUR))
    left = overdue ? t('hotline.sla.overdueHours', { count: hours }) : t('hotline.sla.leftHours', { count: hours })
  } else if (workdays.data) {
    const days = workdays.data.days
    left =
      days > 0
        ? t('hotline.sla.leftDays', { count: days })
        : days < 0
          ? t('hotline.sla.overdueDays', { count: -days })
          : t('hotline.sla.dueToday')
  } else left = t(`hotline.sla.${flag}`)

  const what = deadline.kind === 'ack' ? t('hotline.sla.ackDue') : t('hotline.sla.handleDue')
  return (
    <Tooltip title={`${what} ${formatDateTime(deadline.at)} · ${t('hotline.sla.help')}`}>
      <Tag
        color={COLORS[flag]}
        icon={compact ? undefined : <ClockCircleOutlined />}
        data-sla={flag}
        style={{ marginInlineEnd: 0, cursor: 'help' }}
      >
        {compact ? left : `${t(`hotline.sla.${flag}`)} · ${left}`}
      </Tag>
    </Tooltip>
  )
}

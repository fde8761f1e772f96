import ClockCircleOutlined from '@ant-design/icons/ClockCircleOutlined'
import { Tag, Tooltip } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { labelOf } from '../../../shared/labels'
import { formatDateTime } from '../../workflow/format'
import type { PolicyLevel, PolicyStatus, Question, QuestionStatus } from '../api'

const LEVEL_COLORS: Record<PolicyLevel, string> = {
  national: 'red',
  provincial: 'volcano',
  city: 'orange',
  district: 'blue',
}
const STATUS_COLORS: Record<PolicyStatus, string> = { draft: 'default', published: 'green', expired: 'default' }

export function PolicyLevelTag({ level }: { level: PolicyLevel }) {
  return (
    <Tag color={LEVEL_COLORS[level] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {labelOf('policy.level', level)}
    </Tag>
  )
}

export function PolicyStatusTag({ status }: { status: PolicyStatus }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-status={status} style={{ marginInlineEnd: 0 }}>
      {labelOf('policy.status', status)}
    </Tag>
  )
}

export function QuestionStatusTag({ status }: { status: QuestionStatus }) {
  return (
    <Tag color={status === 'open' ? 'gold' : 'green'} data-status={status} style={{ marginInlineEnd: 0 }}>
      {labelOf('policy.questionStatus', status)}
    </Tag>
  )
}

const MINUTE = 60_000
const WARN_MS = 4 * 60 * MINUTE

/** Re-renders every minute (countdowns). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), MINUTE)
    return () => window.clearInterval(timer)
  }, [])
  return now
}

/**
 * The 24-hour answer countdown of a question (UI.md SLA tag): green on track, gold 黄牌 under 4 hours (or when the
 * server's timer has flagged it), red 红牌 overdue. Nothing once answered.
 */
export function QuestionSlaTag({ question }: { question: Pick<Question, 'status' | 'dueAt' | 'slaFlag'> }) {
  const { t } = useTranslation()
  const now = useNow()
  if (question.status !== 'open' || !question.dueAt) return null
  const left = new Date(question.dueAt).getTime() - now
  const overdue = left < 0 || question.slaFlag === 'overdue'
  const warning = !overdue && (left < WARN_MS || question.slaFlag === 'warning')
  const abs = Math.abs(left)
  const h = Math.floor(abs / (60 * MINUTE))
  const m = Math.floor((abs % (60 * MINUTE)) / MINUTE)
  const time = h > 0 ? t('policy.sla.hours', { h, m }) : t('policy.sla.minutes', { m })
  const flag = overdue ? 'overdue' : warning ? 'warning' : 'on_track'
  return (
    <Tooltip title={`${formatDateTime(question.dueAt)} · ${t('policy.sla.help')}`}>
      <Tag
        color={overdue ? 'red' : warning ? 'gold' : 'green'}
        icon={<ClockCircleOutlined />}
        data-sla={flag}
        style={{ marginInlineEnd: 0, cursor: 'help' }}
      >
        {overdue ? t('policy.sla.overdue', { time }) : t('policy.sla.left', { time })}
      </Tag>
    </Tooltip>
  )
}

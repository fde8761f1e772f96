import { Flex, Tag, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { formatDateTime } from '../../workflow/format'
import type { TimelineEvent } from '../api'

const COLORS: Record<string, string> = {
  intake: 'blue',
  transfer_in: 'blue',
  dispatch: 'blue',
  acknowledge: 'blue',
  reply: 'green',
  review_accept: 'green',
  extension_approve: 'green',
  direct_answer: 'green',
  close: 'green',
  return: 'orange',
  extension_request: 'orange',
  review_reject: 'orange',
  reopen: 'orange',
  remind: 'orange',
  yellow_card: 'gold',
  red_card: 'red',
  ack_warning: 'gold',
  ack_overdue: 'red',
  deadline_recomputed: 'blue',
  supervise: 'red',
  extension_refuse: 'red',
  decline: 'gray',
  merge: 'gray',
  merged_in: 'gray',
  note: 'gray',
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null)
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null)

/** The facts an event carries in `data` worth showing (days asked, follow-up result, reply text …). */
function EventFacts({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation()
  const d = event.data
  const facts: string[] = []
  const days = num(d.days)
  if (days !== null) facts.push(t('hotline.timeline.days', { count: days }))
  const result = str(d.result)
  if (result) facts.push(labelOf('hotline.followupResult', result))
  if (d.solved === true) facts.push(t('hotline.timeline.solved'))
  if (d.solved === false && result) facts.push(t('hotline.timeline.notSolved'))
  const method = str(d.contactMethod)
  if (method) facts.push(t('hotline.timeline.contact', { method: labelOf('hotline.contactMethod', method) }))
  const coUnits = Array.isArray(d.coUnits)
    ? (d.coUnits as unknown[]).map((u) => (typeof u === 'object' && u ? str((u as { name?: unknown }).name) : str(u)))
    : []
  const names = coUnits.filter(Boolean)
  if (names.length) facts.push(t('hotline.timeline.coUnits', { names: names.join('、') }))
  const into = str(d.intoNumber) ?? str(d.mergedIntoNumber)
  if (into) facts.push(t('hotline.timeline.mergedInto', { number: into }))
  const text = str(d.text) ?? str(d.answer) ?? str(d.note) ?? str(d.comment)
  return (
    <>
      {facts.length ? (
        <Flex gap={4} wrap style={{ marginTop: 4 }}>
          {facts.map((f) => (
            <Tag key={f} style={{ marginInlineEnd: 0 }}>
              {f}
            </Tag>
          ))}
        </Flex>
      ) : null}
      {text && text !== event.reason ? (
        <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{text}</Typography.Paragraph>
      ) : null}
    </>
  )
}

/** The full life of an order, oldest first: who did what, when, from which unit, with the reason or reply. */
export function OrderTimeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation()
  if (events.length === 0) return <EmptyState description={t('hotline.timeline.empty')} />
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id)
  return (
    <Timeline
      data-testid="order-timeline"
      items={sorted.map((e) => ({
        key: e.id,
        color: COLORS[e.action] ?? 'blue',
        content: (
          <div data-event={e.action}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(e.at)} ·{' '}
              {e.actorKind === 'system' ? t('hotline.timeline.system') : (e.actorName ?? t('hotline.timeline.unknown'))}
              {e.unit ? ` · ${e.unit.name}` : ''}
            </Typography.Text>
            <div>
              <Typography.Text strong>{labelOf('hotline.event', e.action)}</Typography.Text>
              {e.toStatus && e.toStatus !== e.fromStatus ? (
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {t('hotline.timeline.to', { status: labelOf('hotline.status', e.toStatus) })}
                </Typography.Text>
              ) : null}
            </div>
            {e.reason ? (
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {e.reason}
              </Typography.Paragraph>
            ) : null}
            <EventFacts event={e} />
          </div>
        ),
      }))}
    />
  )
}

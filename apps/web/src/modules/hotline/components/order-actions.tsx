import { App, Button, Flex, Form, Modal, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, ErrorDisplay, toErrorMessage } from '../../../shared/error-display'
import { labelOf } from '../../../shared/labels'
import { ApiError } from '../../../shared/request'
import type { ActionBodies, ActionPath, OrderAction, OrderDetail } from '../api'
import { type ActionVars, useOrderAction } from '../hooks'
import { ActionFields, type ActionValues, initialValues } from './action-fields'
import { DispatchModal } from './dispatch-modal'

/** Which endpoint an action posts to. */
const PATHS: Record<Exclude<OrderAction, 'dispatch'>, ActionPath> = {
  direct_answer: 'direct-answer',
  merge: 'merge',
  decline: 'decline',
  acknowledge: 'acknowledge',
  return: 'return',
  request_extension: 'extension',
  decide_extension: 'extension/decision',
  reply: 'reply',
  review: 'review',
  follow_up: 'follow-up',
  remind: 'remind',
  supervise: 'supervise',
  note: 'notes',
}

// Presentation only (what looks primary or dangerous); which actions exist comes from the server's `actions`.
const PRIMARY: OrderAction[] = ['dispatch', 'acknowledge', 'reply', 'review', 'follow_up', 'decide_extension']
const DANGEROUS = new Set<OrderAction>(['return', 'decline', 'supervise'])
const ORDER: OrderAction[] = [
  'dispatch',
  'acknowledge',
  'reply',
  'review',
  'follow_up',
  'decide_extension',
  'request_extension',
  'direct_answer',
  'merge',
  'return',
  'decline',
  'remind',
  'supervise',
  'note',
]

/**
 * The buttons of what the current user may do on the order now (from the server's `actions`), each opening a
 * dialog with its form. A 409 (someone acted first) shows the server's message and reloads the order.
 */
export function OrderActions({ order, onChanged }: { order: OrderDetail; onChanged?: () => void }) {
  const { t } = useTranslation()
  const [current, setCurrent] = useState<OrderAction | null>(null)
  const actions = ORDER.filter((a) => order.actions.includes(a))
  if (actions.length === 0) return null
  const primary = actions.find((a) => PRIMARY.includes(a))
  return (
    <>
      <Flex gap={8} wrap role="group" aria-label={t('hotline.actions.label')} data-testid="order-actions">
        {actions.map((a) => (
          <Button
            key={a}
            type={a === primary ? 'primary' : 'default'}
            danger={DANGEROUS.has(a)}
            data-action={a}
            onClick={() => setCurrent(a)}
          >
            {labelOf('hotline.actionNames', a)}
          </Button>
        ))}
      </Flex>
      {current === 'dispatch' ? (
        <DispatchModal order={order} onClose={() => setCurrent(null)} onDone={onChanged} />
      ) : current ? (
        <ActionDialog order={order} action={current} onClose={() => setCurrent(null)} onChanged={onChanged} />
      ) : null}
    </>
  )
}

function ActionDialog({
  order,
  action,
  onClose,
  onChanged,
}: {
  order: OrderDetail
  action: Exclude<OrderAction, 'dispatch'>
  onClose: () => void
  onChanged?: () => void
}) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<ActionValues>()
  const mutation = useOrderAction(order.id)
  const [error, setError] = useState<unknown>(null)
  const label = labelOf('hotline.actionNames', action)

  const submit = async () => {
    const v = await form.validateFields()
    setError(null)
    const trim = (s?: string) => s?.trim() || undefined
    let body: ActionBodies[ActionPath]
    switch (action) {
      case 'acknowledge':
        body = {}
        break
      case 'return':
      case 'decline':
      case 'remind':
      case 'supervise':
        body = { reason: v.reason?.trim() ?? '' }
        break
      case 'request_extension':
        body = { days: v.days ?? 1, reason: v.reason?.trim() ?? '' }
        break
      case 'decide_extension':
        body = { approve: Boolean(v.approve), ...(v.approve ? { days: v.days } : {}), comment: trim(v.comment) }
        break
      case 'reply':
        body = {
          text: v.text?.trim() ?? '',
          contactMethod: v.contactMethod as ActionBodies['reply']['contactMethod'],
          contactedAt: v.contactedAt ? v.contactedAt.format() : null,
          attachments: [],
        }
        break
      case 'review':
        body = {
          accept: Boolean(v.accept),
          reason: trim(v.reason),
          ...(v.accept ? { publicReply: trim(v.publicReply) } : {}),
        }
        break
      case 'follow_up':
        body = {
          result: v.result ?? 'satisfied',
          solved: v.solved,
          note: trim(v.note),
          closeAnyway: Boolean(v.closeAnyway),
        }
        break
      case 'direct_answer':
        body = { answer: v.answer?.trim() ?? '', kbArticleId: v.kbArticleId ?? null }
        break
      case 'merge':
        body = { intoId: v.intoId ?? '', reason: v.reason?.trim() ?? '' }
        break
      case 'note':
        body = { text: v.text?.trim() ?? '', attachments: [] }
        break
    }
    try {
      await mutation.mutateAsync({ path: PATHS[action], body } as ActionVars)
      void message.success(t('hotline.actions.done', { action: label }))
      onClose()
      onChanged?.()
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        onClose()
        modal.warning({ title: t('hotline.actions.conflictTitle'), content: toErrorMessage(err) })
        onChanged?.()
      } else if (!applyFormErrors(form, err)) setError(err)
    }
  }

  return (
    <Modal
      open
      title={label}
      okText={t('hotline.common.confirm')}
      cancelText={t('hotline.common.cancel')}
      okButtonProps={{ danger: DANGEROUS.has(action) }}
      confirmLoading={mutation.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={action === 'reply' || action === 'review' || action === 'direct_answer' ? 680 : 520}
    >
      <Typography.Paragraph type="secondary">
        {t('hotline.actions.target', { number: order.number, title: order.title })}
      </Typography.Paragraph>
      <Form<ActionValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues(action, order)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault()
            void submit().catch(() => undefined)
          }
        }}
      >
        <ActionFields action={action} order={order} />
      </Form>
      <ErrorDisplay error={error} />
    </Modal>
  )
}

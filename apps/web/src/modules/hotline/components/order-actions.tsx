import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Switch,
  Typography,
} from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, ErrorDisplay, toErrorMessage } from '../../../shared/error-display'
import { labelOf } from '../../../shared/labels'
import { ApiError } from '../../../shared/request'
import {
  type ActionBodies,
  type ActionPath,
  CONTACT_METHOD_LIST,
  FOLLOWUP_RESULT_LIST,
  type FollowupResult,
  type OrderAction,
  type OrderDetail,
} from '../api'
import { type ActionVars, useDuplicates, useKbSearch, useOrderAction, useSettings } from '../hooks'
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

interface Values {
  reason?: string
  text?: string
  answer?: string
  kbArticleId?: string
  days?: number
  approve?: boolean
  comment?: string
  contactMethod?: string
  contactedAt?: Dayjs
  accept?: boolean
  publicReply?: string
  result?: FollowupResult
  solved?: boolean
  closeAnyway?: boolean
  note?: string
  intoId?: string
}

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
  const [form] = Form.useForm<Values>()
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
      <Form<Values>
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

function initialValues(action: OrderAction, order: OrderDetail): Values {
  switch (action) {
    case 'decide_extension':
      return { approve: true, days: order.pendingExtension?.days }
    case 'review':
      return { accept: true, publicReply: order.reply?.text }
    case 'reply':
      return { contactMethod: 'phone' }
    case 'request_extension':
      return { days: 5 }
    default:
      return {}
  }
}

function ReasonField({ label, placeholder }: { label: string; placeholder?: string }) {
  const { t } = useTranslation()
  return (
    <Form.Item
      name="reason"
      label={label}
      rules={[{ required: true, whitespace: true, message: t('hotline.actions.reasonRequired') }]}
    >
      <Input.TextArea rows={4} maxLength={1000} showCount placeholder={placeholder} autoFocus />
    </Form.Item>
  )
}

function ActionFields({ action, order }: { action: Exclude<OrderAction, 'dispatch'>; order: OrderDetail }) {
  const { t } = useTranslation()
  const form = Form.useFormInstance<Values>()
  const approve = Form.useWatch('approve', form)
  const accept = Form.useWatch('accept', form)
  const result = Form.useWatch('result', form)
  switch (action) {
    case 'acknowledge':
      return <Typography.Paragraph>{t('hotline.actions.acknowledgeBody')}</Typography.Paragraph>
    case 'return':
      return <ReasonField label={t('hotline.actions.returnReason')} placeholder={t('hotline.actions.returnHint')} />
    case 'decline':
      return <ReasonField label={t('hotline.actions.declineReason')} />
    case 'remind':
      return <ReasonField label={t('hotline.actions.remindReason')} />
    case 'supervise':
      return <ReasonField label={t('hotline.actions.superviseReason')} />
    case 'request_extension':
      return <ExtensionFields />
    case 'decide_extension':
      return (
        <>
          {order.pendingExtension ? (
            <Typography.Paragraph data-testid="pending-extension">
              {t('hotline.actions.extensionAsked', {
                days: order.pendingExtension.days,
                reason: order.pendingExtension.reason,
              })}
            </Typography.Paragraph>
          ) : null}
          <Form.Item name="approve" label={t('hotline.actions.decision')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: true, label: t('hotline.actions.approveExtension') },
                { value: false, label: t('hotline.actions.refuseExtension') },
              ]}
            />
          </Form.Item>
          {approve ? (
            <Form.Item name="days" label={t('hotline.actions.approvedDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={order.pendingExtension?.days ?? 60} suffix={t('hotline.common.workdays')} />
            </Form.Item>
          ) : null}
          <Form.Item
            name="comment"
            label={t('hotline.actions.comment')}
            rules={
              approve === false
                ? [{ required: true, whitespace: true, message: t('hotline.actions.reasonRequired') }]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </>
      )
    case 'reply':
      return (
        <>
          <Form.Item
            name="text"
            label={t('hotline.actions.replyText')}
            rules={[{ required: true, whitespace: true, message: t('hotline.actions.replyRequired') }]}
          >
            <Input.TextArea
              rows={6}
              maxLength={4000}
              showCount
              autoFocus
              placeholder={t('hotline.actions.replyHint')}
            />
          </Form.Item>
          <Form.Item
            name="contactMethod"
            label={t('hotline.actions.contactMethod')}
            rules={[{ required: true, message: t('hotline.actions.contactRequired') }]}
          >
            <Radio.Group
              optionType="button"
              options={CONTACT_METHOD_LIST.map((m) => ({ value: m, label: labelOf('hotline.contactMethod', m) }))}
            />
          </Form.Item>
          <Form.Item name="contactedAt" label={t('hotline.actions.contactedAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
        </>
      )
    case 'review':
      return (
        <>
          {order.reply ? (
            <div className="ruyu-hotline-quote" data-testid="review-reply">
              <Typography.Text type="secondary">
                {t('hotline.actions.unitReplied', {
                  unit: order.unit?.name ?? '',
                  method: labelOf('hotline.contactMethod', order.reply.contactMethod),
                })}
              </Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                {order.reply.text}
              </Typography.Paragraph>
            </div>
          ) : null}
          <Form.Item name="accept" label={t('hotline.actions.decision')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: true, label: t('hotline.actions.acceptReply') },
                { value: false, label: t('hotline.actions.sendBack') },
              ]}
            />
          </Form.Item>
          {accept === false ? (
            <ReasonField label={t('hotline.actions.sendBackReason')} />
          ) : (
            <Form.Item
              name="publicReply"
              label={t('hotline.actions.publicReply')}
              extra={t('hotline.actions.publicReplyHelp')}
            >
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
          )}
        </>
      )
    case 'follow_up':
      return (
        <>
          <Form.Item
            name="result"
            label={t('hotline.followup.result')}
            rules={[{ required: true, message: t('hotline.followup.resultRequired') }]}
          >
            <Radio.Group
              optionType="button"
              options={FOLLOWUP_RESULT_LIST.map((r) => ({ value: r, label: labelOf('hotline.followupResult', r) }))}
            />
          </Form.Item>
          <Form.Item
            name="solved"
            label={t('hotline.followup.solved')}
            valuePropName="checked"
            extra={t('hotline.followup.solvedHelp')}
          >
            <Switch />
          </Form.Item>
          {result === 'unsatisfied' ? (
            <Form.Item name="closeAnyway" valuePropName="checked" extra={t('hotline.followup.closeAnywayHelp')}>
              <Checkbox>{t('hotline.followup.closeAnyway')}</Checkbox>
            </Form.Item>
          ) : null}
          <Form.Item name="note" label={t('hotline.followup.note')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </>
      )
    case 'direct_answer':
      return <DirectAnswerFields order={order} />
    case 'merge':
      return <MergeFields order={order} />
    case 'note':
      return (
        <Form.Item
          name="text"
          label={t('hotline.actions.noteText')}
          rules={[{ required: true, whitespace: true, message: t('hotline.actions.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount autoFocus />
        </Form.Item>
      )
  }
}

function ExtensionFields() {
  const { t } = useTranslation()
  const settings = useSettings()
  const max = settings.data?.timeLimits.extensionMaxWorkdays ?? 60
  return (
    <>
      <Form.Item
        name="days"
        label={t('hotline.actions.extensionDays')}
        rules={[{ required: true, message: t('hotline.actions.daysRequired') }]}
        extra={t('hotline.actions.extensionMax', { max })}
      >
        <InputNumber min={1} max={max} suffix={t('hotline.common.workdays')} />
      </Form.Item>
      <ReasonField label={t('hotline.actions.extensionReason')} />
    </>
  )
}

/** 直接答复并办结 from the staff detail (an order still waiting for dispatch): pick a KB article or write freely. */
export function DirectAnswerFields({ order }: { order: Pick<OrderDetail, 'title' | 'description'> }) {
  const { t } = useTranslation()
  const form = Form.useFormInstance<Values>()
  const kb = useKbSearch(order.title.slice(0, 20), 1, 8)
  return (
    <>
      <Form.Item name="kbArticleId" label={t('hotline.kb.pick')}>
        <Select
          allowClear
          placeholder={t('hotline.kb.pickPlaceholder')}
          options={(kb.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
          onChange={(id) => {
            const article = kb.data?.items.find((a) => a.id === id)
            if (article) form.setFieldValue('answer', article.content)
          }}
        />
      </Form.Item>
      <Form.Item
        name="answer"
        label={t('hotline.kb.answer')}
        rules={[{ required: true, whitespace: true, message: t('hotline.kb.answerRequired') }]}
      >
        <Input.TextArea rows={6} maxLength={4000} showCount />
      </Form.Item>
    </>
  )
}

/** 合并重复件: the duplicates the server finds for this order, or another order id pasted in. */
function MergeFields({ order }: { order: OrderDetail }) {
  const { t } = useTranslation()
  const duplicates = useDuplicates(
    {
      callerPhone: order.callerMasked ? undefined : order.callerPhone,
      categoryId: order.categoryId ?? undefined,
      divisionCode: order.divisionCode,
      address: order.address,
      excludeId: order.id,
    },
    true,
  )
  return (
    <>
      <Form.Item
        name="intoId"
        label={t('hotline.actions.mergeInto')}
        rules={[{ required: true, message: t('hotline.actions.mergeRequired') }]}
      >
        <Select
          loading={duplicates.isPending}
          placeholder={t('hotline.actions.mergePlaceholder')}
          notFoundContent={t('hotline.duplicates.none')}
          options={(duplicates.data?.items ?? []).map((d) => ({
            value: d.id,
            label: `${d.number} · ${d.title}`,
          }))}
        />
      </Form.Item>
      <ReasonField label={t('hotline.actions.mergeReason')} />
    </>
  )
}

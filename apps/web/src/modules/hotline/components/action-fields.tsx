import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { labelOf } from '../../../shared/labels'
import {
  CONTACT_METHOD_LIST,
  FOLLOWUP_RESULT_LIST,
  type FollowupResult,
  type OrderAction,
  type OrderDetail,
} from '../api'
import { useDuplicates, useKbSearch, useSettings } from '../hooks'

/** The fields of every order action dialog in one form shape (each action uses a few of them). */
export interface ActionValues {
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

/** What an action's dialog starts with. */
export function initialValues(action: OrderAction, order: OrderDetail): ActionValues {
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

/** The form of one action's dialog (dispatch has a dialog of its own). */
export function ActionFields({ action, order }: { action: Exclude<OrderAction, 'dispatch'>; order: OrderDetail }) {
  const { t } = useTranslation()
  const form = Form.useFormInstance<ActionValues>()
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
  const form = Form.useFormInstance<ActionValues>()
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

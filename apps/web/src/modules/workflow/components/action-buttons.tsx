import { Alert, App, Button, Flex, Form, Input, Modal, Typography } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, ErrorDisplay, toErrorMessage } from '../../../shared/error-display'
import { ApiError } from '../../../shared/request'
import type { AvailableAction, WorkflowNode, WorkflowTree } from '../api'
import { useAct } from '../hooks'
import { actionLabel } from '../labels'

// Presentation only (which button looks dangerous); whether an action exists at all comes from the server.
const DANGEROUS = new Set(['reject', 'withdraw', 'return_to_window', 'uphold'])

/**
 * What a module adds to one action's dialog: a warning, and a required reason sent as `data[dataKey]` (e.g.
 * unified issuance while 容缺 materials are missing: the window states why it issues anyway).
 */
export interface ActionExtra {
  warning: ReactNode
  reasonLabel: string
  dataKey: string
}

/**
 * The buttons of the actions the caller may take now on one workflow node, exactly as the engine lists them in
 * `node.actions` (never decided per page). Each opens a dialog; an action that requires a comment cannot be
 * confirmed without one. A 409 (someone else acted first) shows the server's message and reloads.
 */
export function ActionButtons({
  node,
  subject,
  onChanged,
  size = 'middle',
  extras,
}: {
  node: WorkflowNode
  /** Per action key: a warning and a required reason in its dialog. */
  extras?: Record<string, ActionExtra | undefined>
  /** What the dialog says it acts on (defaults to the node's title). */
  subject?: string
  /** Called after the action (with the new tree) and after a conflict or refusal (without), to reload. */
  onChanged?: (tree?: WorkflowTree) => void
  size?: 'small' | 'middle'
}) {
  const { t } = useTranslation()
  const [current, setCurrent] = useState<AvailableAction | null>(null)
  if (node.actions.length === 0) return null
  const primary = node.actions.find((a) => !DANGEROUS.has(a.key))?.key
  return (
    <>
      <Flex gap={8} wrap role="group" aria-label={t('workflow.actions.label')}>
        {node.actions.map((action) => (
          <Button
            key={action.key}
            size={size}
            type={action.key === primary ? 'primary' : 'default'}
            danger={DANGEROUS.has(action.key)}
            data-action={action.key}
            onClick={() => setCurrent(action)}
          >
            {actionLabel(action.key, action.name)}
          </Button>
        ))}
      </Flex>
      {current ? (
        <ActionDialog
          node={node}
          action={current}
          subject={subject ?? node.title}
          extra={extras?.[current.key]}
          onClose={() => setCurrent(null)}
          onChanged={onChanged}
        />
      ) : null}
    </>
  )
}

function ActionDialog({
  node,
  action,
  subject,
  extra,
  onClose,
  onChanged,
}: {
  node: WorkflowNode
  action: AvailableAction
  subject: string
  extra?: ActionExtra
  onClose: () => void
  onChanged?: (tree?: WorkflowTree) => void
}) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<{ comment?: string; reason?: string }>()
  const act = useAct()
  const [error, setError] = useState<unknown>(null)
  const label = actionLabel(action.key, action.name)

  const submit = async () => {
    const { comment, reason } = await form.validateFields()
    setError(null)
    try {
      const tree = await act.mutateAsync({
        nodeId: node.id,
        action: action.key,
        input: {
          comment: comment?.trim() || undefined,
          expectedVersion: node.version,
          ...(extra ? { data: { [extra.dataKey]: reason?.trim() ?? '' } } : {}),
        },
      })
      void message.success(t('workflow.dialog.done', { action: label }))
      onClose()
      onChanged?.(tree)
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        onClose()
        modal.warning({
          title: t('workflow.dialog.conflictTitle'),
          content: `${toErrorMessage(err)} ${t('workflow.dialog.conflictReload')}`,
        })
        onChanged?.()
      } else if (err instanceof ApiError && [403, 404, 422].includes(err.status)) {
        onClose()
        void message.error(toErrorMessage(err))
        onChanged?.()
      } else if (!applyFormErrors(form, err)) setError(err)
    }
  }

  return (
    <Modal
      open
      title={t('workflow.dialog.title', { action: label })}
      okText={t('workflow.dialog.confirm')}
      cancelText={t('workflow.dialog.cancel')}
      okButtonProps={{ danger: DANGEROUS.has(action.key) }}
      confirmLoading={act.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('workflow.dialog.target')}：{subject}
      </Typography.Paragraph>
      {extra ? <Alert type="warning" showIcon title={extra.warning} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" preserve={false} requiredMark>
        {extra ? (
          <Form.Item
            name="reason"
            label={extra.reasonLabel}
            rules={[{ required: true, whitespace: true, min: 4, message: t('workflow.dialog.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount />
          </Form.Item>
        ) : null}
        <Form.Item
          name="comment"
          label={action.requireComment ? t('workflow.dialog.comment') : t('workflow.dialog.commentOptional')}
          rules={
            action.requireComment
              ? [{ required: true, whitespace: true, message: t('workflow.dialog.commentRequired') }]
              : []
          }
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('workflow.dialog.commentPlaceholder')}
            autoFocus={!extra}
          />
        </Form.Item>
      </Form>
      <ErrorDisplay error={error} />
    </Modal>
  )
}

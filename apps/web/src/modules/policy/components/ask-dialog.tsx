import { App, Form, Input, Modal, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { useAskQuestion } from '../hooks'

/** 我要提问: a question about one policy, routed to the issuing department (24-hour answer). */
export function AskDialog({
  policyId,
  policyTitle,
  open,
  onClose,
}: {
  policyId: string
  policyTitle: string
  open: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ question: string }>()
  const ask = useAskQuestion(policyId)
  const submit = (values: { question: string }) => {
    ask.mutate(values.question.trim(), {
      onSuccess: () => {
        void message.success(t('policy.ask.done'))
        form.resetFields()
        onClose()
      },
      onError: (err) => void applyFormErrors(form, err),
    })
  }
  return (
    <Modal
      open={open}
      title={t('policy.ask.title')}
      okText={t('policy.ask.submit')}
      confirmLoading={ask.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('policy.ask.intro')}</Typography.Paragraph>
      <Typography.Paragraph>
        {t('policy.ask.policy')}：<strong>{policyTitle}</strong>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="question"
          label={t('policy.ask.question')}
          rules={[{ required: true, min: 5, whitespace: true, message: t('policy.ask.questionRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('policy.ask.questionPlaceholder')} />
        </Form.Item>
      </Form>
      {ask.isError && !(ask.error as { details?: { issues?: unknown[] } }).details?.issues ? (
        <ErrorDisplay error={ask.error} />
      ) : null}
    </Modal>
  )
}

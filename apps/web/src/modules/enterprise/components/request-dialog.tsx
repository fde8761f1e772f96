import { App, Form, Input, List, Modal, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { ApiError } from '../../../shared/request'
import type { EnterpriseService } from '../api'
import { useCreateRequest } from '../hooks'

interface Values {
  description: string
  contactName: string
  contactMobile: string
}

/** 申请服务: what the service needs, then the need in words and a contact; the provider takes it from there. */
export function RequestDialog({
  service,
  defaultContact,
  onClose,
}: {
  service: EnterpriseService | null
  defaultContact?: { name?: string | undefined; mobile?: string | undefined }
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const create = useCreateRequest()
  const submit = (v: Values) => {
    if (!service) return
    create.mutate(
      {
        serviceId: service.id,
        description: v.description.trim(),
        contactName: v.contactName.trim(),
        contactMobile: v.contactMobile.trim(),
        attachments: [],
      },
      {
        onSuccess: (r) => {
          void message.success(t('enterprise.request.submitted', { number: r.number }))
          form.resetFields()
          onClose()
        },
        onError: (err) => void applyFormErrors(form, err),
      },
    )
  }
  const fieldError = create.error instanceof ApiError && create.error.details?.issues?.length
  return (
    <Modal
      open={Boolean(service)}
      title={service ? t('enterprise.request.title', { name: service.name }) : ''}
      okText={t('enterprise.request.submit')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      {service ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('enterprise.request.intro', { provider: service.providerName })}
          </Typography.Paragraph>
          <Typography.Paragraph>{service.description}</Typography.Paragraph>
          {service.requirements ? (
            <Typography.Paragraph>
              <Typography.Text strong>{t('enterprise.request.requirements')}：</Typography.Text>
              {service.requirements}
            </Typography.Paragraph>
          ) : null}
          {service.materials.length ? (
            <List
              size="small"
              header={<Typography.Text strong>{t('enterprise.request.materials')}</Typography.Text>}
              dataSource={service.materials}
              renderItem={(m) => (
                <List.Item key={m.name} style={{ paddingInline: 0 }}>
                  {m.name} {m.required ? <Tag color="red">{t('enterprise.request.required')}</Tag> : null}
                </List.Item>
              )}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ contactName: defaultContact?.name, contactMobile: defaultContact?.mobile }}
          >
            <Form.Item
              name="description"
              label={t('enterprise.request.description')}
              rules={[
                { required: true, min: 5, whitespace: true, message: t('enterprise.request.descriptionRequired') },
              ]}
            >
              <Input.TextArea
                rows={4}
                maxLength={2000}
                showCount
                placeholder={t('enterprise.request.descriptionPlaceholder')}
              />
            </Form.Item>
            <Form.Item
              name="contactName"
              label={t('enterprise.request.contactName')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={30} autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="contactMobile"
              label={t('enterprise.request.contactMobile')}
              rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('enterprise.request.mobileInvalid') }]}
            >
              <Input maxLength={11} inputMode="tel" autoComplete="tel" />
            </Form.Item>
          </Form>
          {create.isError && !fieldError ? <ErrorDisplay error={create.error} /> : null}
        </>
      ) : null}
    </Modal>
  )
}

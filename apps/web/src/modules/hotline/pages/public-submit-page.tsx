import CheckCircleFilled from '@ant-design/icons/CheckCircleFilled'
import { Alert, Button, Form, Input, Radio, Switch, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { labelOf } from '../../../shared/labels'
import { PlainCard as Card } from '../../../shared/plain-card'
import { formatDateTime } from '../../workflow/format'
import { isCnPhone, type PublicSubmit, type PublicSubmitResult, REQUEST_TYPE_LIST } from '../api'
import { CategoryCascader } from '../components/category-cascader'
import { DivisionCascader } from '../components/division-cascader'
import { PublicShell } from '../components/public-shell'
import { usePublicCategories, usePublicSubmit } from '../hooks'

type Values = Omit<PublicSubmit, 'lat' | 'lng'>

function Receipt({ result, onAnother }: { result: PublicSubmitResult; onAnother: () => void }) {
  const { t } = useTranslation()
  return (
    <Card data-testid="public-receipt">
      <div style={{ textAlign: 'center', marginBottom: 16 }}>
        <CheckCircleFilled style={{ fontSize: 40, color: '#52c41a' }} />
        <Typography.Title level={4} style={{ margin: '8px 0 0' }}>
          {t('hotline.public.receivedTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{formatDateTime(result.receivedAt)}</Typography.Text>
      </div>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{t('hotline.public.number')}</Typography.Paragraph>
      <Typography.Text copyable className="ruyu-public-token" data-testid="public-number">
        {result.number}
      </Typography.Text>
      <Typography.Paragraph style={{ margin: '12px 0 4px' }}>{t('hotline.public.token')}</Typography.Paragraph>
      <Typography.Text copyable className="ruyu-public-token" data-testid="public-token">
        {result.trackingToken}
      </Typography.Text>
      <Alert type="warning" showIcon style={{ margin: '16px 0' }} title={t('hotline.public.tokenOnce')} />
      <Link to={`/12345/track?token=${encodeURIComponent(result.trackingToken)}`}>
        <Button type="primary" block size="large">
          {t('hotline.public.trackNow')}
        </Button>
      </Link>
      <Button block type="link" onClick={onAnother} style={{ marginTop: 8 }}>
        {t('hotline.public.another')}
      </Button>
    </Card>
  )
}

/** 12345 在线诉求: anyone, on a phone, without an account; the receipt shows the number and the tracking code. */
export default function PublicSubmitPage() {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const categories = usePublicCategories()
  const submit = usePublicSubmit()
  const [result, setResult] = useState<PublicSubmitResult | null>(null)
  const [error, setError] = useState<unknown>(null)

  const send = async (values: Values) => {
    setError(null)
    try {
      const out = await submit.mutateAsync({ ...values, categoryId: values.categoryId ?? null })
      setResult(out)
      window.scrollTo(0, 0)
    } catch (err) {
      if (!applyFormErrors(form, err)) setError(err)
    }
  }

  return (
    <PublicShell title={t('hotline.public.submitTitle')}>
      {result ? (
        <Receipt
          result={result}
          onAnother={() => {
            setResult(null)
            form.resetFields()
          }}
        />
      ) : (
        <>
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('hotline.public.emergency')} />
          <Card>
            <Form<Values>
              form={form}
              layout="vertical"
              initialValues={{ requestType: 'complaint', confidential: false }}
              onFinish={(v) => void send(v)}
              data-testid="public-form"
              scrollToFirstError
            >
              <Form.Item name="requestType" label={t('hotline.public.requestType')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={REQUEST_TYPE_LIST.map((v) => ({ value: v, label: labelOf('hotline.requestType', v) }))}
                />
              </Form.Item>
              <Form.Item
                name="description"
                label={t('hotline.public.description')}
                rules={[{ required: true, whitespace: true, message: t('hotline.public.descriptionRequired') }]}
              >
                <Input.TextArea
                  rows={5}
                  maxLength={4000}
                  showCount
                  placeholder={t('hotline.public.descriptionPlaceholder')}
                />
              </Form.Item>
              <Form.Item
                name="categoryId"
                label={t('hotline.public.category')}
                extra={t('hotline.public.categoryHelp')}
              >
                <CategoryCascader tree={categories.data?.items} anyLevel loading={categories.isPending} />
              </Form.Item>
              <Form.Item
                name="divisionCode"
                label={t('hotline.public.town')}
                rules={[{ required: true, message: t('hotline.public.townRequired') }]}
              >
                <DivisionCascader publicSource placeholder={t('hotline.public.townPlaceholder')} />
              </Form.Item>
              <Form.Item
                name="address"
                label={t('hotline.public.address')}
                rules={[{ required: true, whitespace: true, message: t('hotline.public.addressRequired') }]}
              >
                <Input maxLength={200} placeholder={t('hotline.public.addressPlaceholder')} />
              </Form.Item>
              <Form.Item
                name="callerName"
                label={t('hotline.public.name')}
                extra={t('hotline.public.nameHelp')}
                rules={[{ required: true, whitespace: true, message: t('hotline.public.nameRequired') }]}
              >
                <Input maxLength={50} autoComplete="name" />
              </Form.Item>
              <Form.Item
                name="callerPhone"
                label={t('hotline.public.phone')}
                validateFirst
                rules={[
                  { required: true, whitespace: true, message: t('hotline.public.phoneRequired') },
                  {
                    validator: (_, v: string | undefined) =>
                      !v || isCnPhone(v)
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('hotline.public.phoneInvalid'))),
                  },
                ]}
              >
                <Input inputMode="tel" autoComplete="tel" maxLength={20} />
              </Form.Item>
              <Form.Item
                name="confidential"
                label={t('hotline.public.confidential')}
                valuePropName="checked"
                extra={t('hotline.public.confidentialHelp')}
              >
                <Switch />
              </Form.Item>
              <ErrorDisplay error={error} style={{ marginBottom: 16 }} />
              <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending}>
                {t('hotline.public.submit')}
              </Button>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
                {t('hotline.public.privacy')}
              </Typography.Paragraph>
            </Form>
          </Card>
        </>
      )}
    </PublicShell>
  )
}

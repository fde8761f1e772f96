import { Alert, App, Button, Card, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useAccess } from '../../../access'
import { ErrorDisplay, toErrorMessage } from '../../../shared/error-display'
import { PageContainer } from '../../../shared/page-container'
import { ApiError } from '../../../shared/request'
import { useChangePassword, useMeta } from '../hooks'

interface Values {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}

// Server refusals that belong to one field: shown under it (antd announces field errors with role="alert").
const FIELD_OF_CODE: Record<string, keyof Values> = {
  AUTH_CURRENT_PASSWORD_WRONG: 'currentPassword',
  AUTH_WEAK_PASSWORD: 'newPassword',
  AUTH_PASSWORD_REUSED: 'newPassword',
}

/** Only same-site console paths are followed after a forced change. */
function safeNext(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/'
  return value.startsWith('/account/password') || value.startsWith('/login') ? '/' : value
}

/**
 * 修改密码: current, new and confirmation, with the rule shown beside the fields. Reached from the user menu, and
 * the only console page while the password has expired or was reset by an administrator.
 */
export default function ChangePasswordPage() {
  const { t } = useTranslation()
  const { user } = useAccess()
  const meta = useMeta()
  const [form] = Form.useForm<Values>()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const change = useChangePassword()
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState(false)
  const forced = !!user?.mustChangePassword
  const min = meta.data?.passwordMinLength ?? 8

  // Field errors are drawn under the fields; this live region reads them out when a submit is refused.
  const [announcement, setAnnouncement] = useState('')
  const rules = (
    <div data-testid="password-rules">
      <Typography.Text type="secondary">{t('auth.password.rulesTitle')}</Typography.Text>
      <ul style={{ margin: '2px 0 0', paddingInlineStart: 20 }}>
        <li>{t('auth.password.ruleLength', { min })}</li>
        <li>{t('auth.password.ruleClasses')}</li>
        <li>{t('auth.password.ruleOther')}</li>
        <li>{t('auth.password.ruleHistory')}</li>
      </ul>
    </div>
  )

  const onFinish = async (values: Values) => {
    setError(null)
    setDone(false)
    setAnnouncement('')
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword })
    } catch (err) {
      const field = err instanceof ApiError ? FIELD_OF_CODE[err.code] : undefined
      if (field) {
        form.setFields([{ name: field, errors: [toErrorMessage(err)] }])
        setAnnouncement(toErrorMessage(err))
      } else setError(err)
      return
    }
    form.resetFields()
    void message.success(t('auth.password.changed'))
    if (forced) await navigate(safeNext(params.get('next')), { replace: true })
    else setDone(true)
  }

  return (
    <PageContainer title={t('auth.password.title')} description={t('auth.password.description')}>
      <Card style={{ maxWidth: 560 }}>
        {forced ? (
          <Alert
            type="warning"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t('auth.password.forcedTitle')}
            description={t('auth.password.forcedBody')}
          />
        ) : null}
        <div role="status" aria-live="polite">
          {done ? (
            <Alert
              type="success"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('auth.password.changed')}
              description={t('auth.password.changedBody')}
            />
          ) : null}
        </div>
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => void onFinish(v)}
          onFinishFailed={({ errorFields }) => setAnnouncement(errorFields.flatMap((f) => f.errors).join('；'))}
          onValuesChange={() => {
            setError(null)
            setDone(false)
          }}
        >
          {/* Lets password managers file the new password under the right account. */}
          <input type="text" name="username" autoComplete="username" value={user?.username ?? ''} readOnly hidden />
          <Form.Item
            name="currentPassword"
            label={t('auth.password.current')}
            rules={[{ required: true, message: t('auth.password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.password.new')}
            extra={rules}
            rules={[
              { required: true, message: t('auth.password.newRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value && value === getFieldValue('currentPassword')
                    ? Promise.reject(new Error(t('auth.password.newSameAsCurrent')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('auth.password.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('auth.password.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('auth.password.confirmMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <div role="alert" className="ruyu-sr-only" data-testid="password-announcer">
            {announcement}
          </div>
          {error ? <ErrorDisplay error={error} style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('auth.password.submit')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  )
}

import LockOutlined from '@ant-design/icons/LockOutlined'
import UserOutlined from '@ant-design/icons/UserOutlined'
import { Button, Card, Flex, Form, Input, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { LanguageSwitch } from '../../../shared/language-switch'
import type { LoginInput } from '../api'
import { DemoAccounts } from '../components/demo-accounts'
import { useLogin } from '../hooks'

/** Only same-site paths are accepted as `next`, so the login page cannot be used to bounce users elsewhere. */
function safeNext(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/'
  return value.startsWith('/login') ? '/' : value
}

export default function LoginPage() {
  const { t } = useTranslation()
  const [form] = Form.useForm<LoginInput>()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const login = useLogin()
  const [error, setError] = useState<unknown>(null)
  const next = safeNext(params.get('next'))

  useEffect(() => {
    document.title = `${t('auth.login.title')} · ${t('common.appName')}`
  }, [t])

  const onFinish = (values: LoginInput) => {
    setError(null)
    login.mutate(values, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (err) => {
        if (!applyFormErrors(form, err)) setError(err)
        form.setFieldValue('password', '')
      },
    })
  }

  return (
    <div className="ruyu-login">
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 420, marginBottom: 8 }}>
        <LanguageSwitch light />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 420, boxShadow: '0 8px 24px rgba(15, 42, 85, 0.18)' }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <Typography.Title level={2} style={{ margin: '8px 0 0', textAlign: 'center' }}>
            {t('common.appName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('auth.login.subtitle')}</Typography.Text>
        </Flex>
        <main>
          <Form<LoginInput>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            onValuesChange={() => setError(null)}
            autoComplete="on"
          >
            <Form.Item
              name="username"
              label={t('auth.login.username')}
              rules={[{ required: true, whitespace: true, message: t('auth.login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                placeholder={t('auth.login.usernamePlaceholder')}
                autoComplete="username"
                size="large"
                autoFocus
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.login.password')}
              rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('auth.login.passwordPlaceholder')}
                autoComplete="current-password"
                size="large"
              />
            </Form.Item>
            {error ? <ErrorDisplay error={error} style={{ marginBottom: 16 }} /> : null}
            <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
              {t('auth.login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph style={{ margin: '12px 0 0', textAlign: 'center' }}>
            {t('auth.login.enterpriseHint')} <Link to="/register">{t('auth.login.register')}</Link>
          </Typography.Paragraph>
          <DemoAccounts onPick={(username, password) => form.setFieldsValue({ username, password })} />
        </main>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t('auth.login.footer')}
      </Typography.Text>
    </div>
  )
}

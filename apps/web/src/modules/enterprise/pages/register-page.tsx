import { isValidUscc } from '@ruyu/contracts/identifiers'
import { Button, Card, Flex, Form, Input, Result, Typography } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { LanguageSwitch } from '../../../shared/language-switch'
import { ApiError } from '../../../shared/request'
import type { RegisterEnterpriseUser } from '../api'
import { useRegister } from '../hooks'
import '../enterprise.css'

type Values = RegisterEnterpriseUser & { confirm: string }

/**
 * 企业注册 (public, works on a phone): register an enterprise account with the USCC; the account then waits for
 * staff verification, which this page says plainly.
 */
export default function RegisterPage() {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const register = useRegister()
  useEffect(() => {
    document.title = `${t('enterprise.register.title')} · ${t('common.appName')}`
  }, [t])

  const submit = (v: Values) => {
    register.mutate(
      {
        uscc: v.uscc.trim().toUpperCase(),
        enterpriseName: v.enterpriseName.trim(),
        username: v.username.trim(),
        password: v.password,
        contactName: v.contactName.trim(),
        mobile: v.mobile.trim(),
      },
      { onError: (err) => void applyFormErrors(form, err) },
    )
  }
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('enterprise.register.required', { field }),
  })
  const done = register.data
  const fieldError = register.error instanceof ApiError && register.error.details?.issues?.length

  return (
    <div className="ruyu-register">
      <Flex
        justify="space-between"
        align="center"
        style={{ width: '100%', maxWidth: 520, marginBottom: 12, color: '#fff' }}
      >
        <Flex align="center" gap={8}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <div>
            <strong>{t('common.appName')}</strong>
            <div style={{ fontSize: 12, opacity: 0.85 }}>{t('enterprise.register.subtitle')}</div>
          </div>
        </Flex>
        <LanguageSwitch light />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 520 }}>
        <main>
          {done ? (
            <Result
              status="info"
              title={t('enterprise.register.pendingTitle')}
              subTitle={t('enterprise.register.pendingBody', { name: done.enterpriseName, uscc: done.uscc })}
              extra={
                <Link to="/login">
                  <Button type="primary">{t('enterprise.register.toLogin')}</Button>
                </Link>
              }
              data-testid="register-pending"
            />
          ) : (
            <>
              <Typography.Title level={3} style={{ marginTop: 0 }}>
                {t('enterprise.register.title')}
              </Typography.Title>
              <Typography.Paragraph type="secondary">{t('enterprise.register.intro')}</Typography.Paragraph>
              <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
                <Form.Item
                  name="enterpriseName"
                  label={t('enterprise.register.enterpriseName')}
                  rules={[required(t('enterprise.register.enterpriseName'))]}
                >
                  <Input maxLength={100} autoComplete="organization" />
                </Form.Item>
                <Form.Item
                  name="uscc"
                  label={t('enterprise.register.uscc')}
                  extra={t('enterprise.register.usccHelp')}
                  normalize={(v: string) => v.toUpperCase()}
                  rules={[
                    required(t('enterprise.register.uscc')),
                    {
                      validator: (_, v: string | undefined) =>
                        !v || isValidUscc(v.trim().toUpperCase())
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('enterprise.register.usccInvalid'))),
                    },
                  ]}
                >
                  <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
                </Form.Item>
                <Form.Item
                  name="username"
                  label={t('enterprise.register.username')}
                  extra={t('enterprise.register.usernameHelp')}
                  rules={[
                    required(t('enterprise.register.username')),
                    { pattern: /^[a-zA-Z][a-zA-Z0-9_.-]{3,31}$/, message: t('enterprise.register.usernameInvalid') },
                  ]}
                >
                  <Input maxLength={32} autoComplete="username" />
                </Form.Item>
                <Form.Item
                  name="password"
                  label={t('enterprise.register.password')}
                  extra={t('enterprise.register.passwordHelp')}
                  rules={[
                    required(t('enterprise.register.password')),
                    { min: 8, message: t('enterprise.register.passwordInvalid') },
                  ]}
                >
                  <Input.Password maxLength={128} autoComplete="new-password" />
                </Form.Item>
                <Form.Item
                  name="confirm"
                  label={t('enterprise.register.confirm')}
                  dependencies={['password']}
                  rules={[
                    required(t('enterprise.register.confirm')),
                    ({ getFieldValue }) => ({
                      validator: (_, v) =>
                        !v || v === getFieldValue('password')
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('enterprise.register.confirmMismatch'))),
                    }),
                  ]}
                >
                  <Input.Password maxLength={128} autoComplete="new-password" />
                </Form.Item>
                <Form.Item
                  name="contactName"
                  label={t('enterprise.register.contactName')}
                  rules={[required(t('enterprise.register.contactName'))]}
                >
                  <Input maxLength={30} autoComplete="name" />
                </Form.Item>
                <Form.Item
                  name="mobile"
                  label={t('enterprise.register.mobile')}
                  rules={[
                    required(t('enterprise.register.mobile')),
                    { pattern: /^1[3-9]\d{9}$/, message: t('enterprise.request.mobileInvalid') },
                  ]}
                >
                  <Input maxLength={11} inputMode="tel" autoComplete="tel" />
                </Form.Item>
                {register.isError && !fieldError ? (
                  <ErrorDisplay error={register.error} style={{ marginBottom: 16 }} />
                ) : null}
                <Button type="primary" htmlType="submit" block size="large" loading={register.isPending}>
                  {t('enterprise.register.submit')}
                </Button>
              </Form>
              <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
                {t('enterprise.register.haveAccount')} <Link to="/login">{t('enterprise.register.login')}</Link>
              </Typography.Paragraph>
            </>
          )}
        </main>
      </Card>
    </div>
  )
}

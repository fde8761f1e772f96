import { useEffect, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { Button } from '../../../shared/public-ui/button'
import { Field, PasswordInput } from '../../../shared/public-ui/field'
import { PublicLanguageSwitch } from '../../../shared/public-ui/language-switch'
import { PublicError } from '../../../shared/public-ui/notice'
import { useForm } from '../../../shared/public-ui/use-form'
import { DemoAccounts } from '../components/demo-accounts'
import { useLogin } from '../hooks'
import '../login.css'
import { usePublicTranslation } from '../../../shared/public-ui/i18n'

/** Only same-site paths are accepted as `next`, so the login page cannot be used to bounce users elsewhere. */
function safeNext(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/'
  return value.startsWith('/login') ? '/' : value
}

export default function LoginPage() {
  const { t } = usePublicTranslation()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const login = useLogin()
  const [error, setError] = useState<unknown>(null)
  const next = safeNext(params.get('next'))
  const form = useForm(
    { username: '', password: '' },
    {
      username: (v) => (v.trim() ? undefined : t('auth.login.usernameRequired')),
      password: (v) => (v ? undefined : t('auth.login.passwordRequired')),
    },
    'login-',
  )
  const change = (name: 'username' | 'password', value: string) => {
    setError(null)
    form.set(name, value)
  }

  useEffect(() => {
    document.title = `${t('auth.login.title')} · ${t('common.appName')}`
  }, [t])

  const onValid = (values: { username: string; password: string }) => {
    setError(null)
    login.mutate(values, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: (err) => {
        if (!form.setServerErrors(err)) setError(err)
        form.set('password', '', { check: false })
      },
    })
  }

  return (
    <div className="ruyu-login">
      <div className="ruyu-login-top">
        <PublicLanguageSwitch light />
      </div>
      <div className="ruyu-card ruyu-login-card">
        <div className="ruyu-login-head">
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <h1>{t('common.appName')}</h1>
          <span className="ruyu-muted">{t('auth.login.subtitle')}</span>
        </div>
        <main>
          <form noValidate onSubmit={form.handleSubmit(onValid)} aria-label={t('auth.login.title')}>
            <Field
              id="login-username"
              label={t('auth.login.username')}
              required
              mark={false}
              error={form.errors.username}
            >
              {(control) => (
                <input
                  {...control}
                  className="ruyu-input"
                  data-size="large"
                  placeholder={t('auth.login.usernamePlaceholder')}
                  autoComplete="username"
                  autoCapitalize="off"
                  spellCheck={false}
                  // biome-ignore lint/a11y/noAutofocus: the page exists to sign in; the first field is the task
                  autoFocus
                  value={form.values.username}
                  onChange={(e) => change('username', e.target.value)}
                />
              )}
            </Field>
            <Field
              id="login-password"
              label={t('auth.login.password')}
              required
              mark={false}
              error={form.errors.password}
            >
              {(control) => (
                <PasswordInput
                  control={control}
                  size="large"
                  placeholder={t('auth.login.passwordPlaceholder')}
                  autoComplete="current-password"
                  value={form.values.password}
                  onChange={(v) => change('password', v)}
                />
              )}
            </Field>
            <PublicError error={error} style={{ marginBottom: 16 }} />
            <Button type="submit" variant="primary" size="large" block loading={login.isPending}>
              {t('auth.login.submit')}
            </Button>
          </form>
          <p style={{ margin: '12px 0 0', textAlign: 'center' }}>
            {t('auth.login.enterpriseHint')} <Link to="/register">{t('auth.login.register')}</Link>
          </p>
          <DemoAccounts
            onPick={(username, password) => {
              change('username', username)
              change('password', password)
            }}
          />
        </main>
      </div>
      <p className="ruyu-small ruyu-login-footer">{t('auth.login.footer')}</p>
    </div>
  )
}

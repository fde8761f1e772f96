import { isValidUscc } from '@ruyu/contracts/identifiers'
import { type ComponentProps, useEffect, useState } from 'react'
import { Link } from 'react-router'
import { Button, ButtonLink } from '../../../shared/public-ui/button'
import { type ControlProps, Field, PasswordInput } from '../../../shared/public-ui/field'
import { Icon } from '../../../shared/public-ui/icons'
import { PublicLanguageSwitch } from '../../../shared/public-ui/language-switch'
import { PublicError } from '../../../shared/public-ui/notice'
import { useForm } from '../../../shared/public-ui/use-form'
import { useRegister } from '../hooks'
import '../register.css'
import { usePublicTranslation } from '../../../shared/public-ui/i18n'

interface Values {
  enterpriseName: string
  uscc: string
  username: string
  password: string
  confirm: string
  contactName: string
  mobile: string
}

const INITIAL: Values = {
  enterpriseName: '',
  uscc: '',
  username: '',
  password: '',
  confirm: '',
  contactName: '',
  mobile: '',
}

/** The confirmation after registering: the account waits for staff to verify it. */
function Pending({ name, uscc }: { name: string; uscc: string }) {
  const { t } = usePublicTranslation()
  return (
    <div className="ruyu-register-pending" data-testid="register-pending" role="status">
      <span style={{ color: '#1f5fbf' }}>
        <Icon name="info" size={72} />
      </span>
      <h1>{t('enterprise.register.pendingTitle')}</h1>
      <p className="ruyu-muted">{t('enterprise.register.pendingBody', { name, uscc })}</p>
      <ButtonLink to="/login" variant="primary">
        {t('enterprise.register.toLogin')}
      </ButtonLink>
    </div>
  )
}

/**
 * 企业注册 (public, works on a phone): register an enterprise account with the USCC; the account then waits for
 * staff verification, which this page says plainly.
 */
export default function RegisterPage() {
  const { t } = usePublicTranslation()
  const register = useRegister()
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    document.title = `${t('enterprise.register.title')} · ${t('common.appName')}`
  }, [t])

  const required = (field: string) => (v: string) =>
    v.trim() ? undefined : t('enterprise.register.required', { field })
  const form = useForm<Values>(INITIAL, {
    enterpriseName: required(t('enterprise.register.enterpriseName')),
    uscc: (v) =>
      required(t('enterprise.register.uscc'))(v) ??
      (isValidUscc(v.trim().toUpperCase()) ? undefined : t('enterprise.register.usccInvalid')),
    username: (v) =>
      required(t('enterprise.register.username'))(v) ??
      (/^[a-zA-Z][a-zA-Z0-9_.-]{3,31}$/.test(v) ? undefined : t('enterprise.register.usernameInvalid')),
    password: (v) =>
      required(t('enterprise.register.password'))(v) ??
      (v.length >= 8 ? undefined : t('enterprise.register.passwordInvalid')),
    confirm: (v, all) =>
      required(t('enterprise.register.confirm'))(v) ??
      (v === all.password ? undefined : t('enterprise.register.confirmMismatch')),
    contactName: required(t('enterprise.register.contactName')),
    mobile: (v) =>
      required(t('enterprise.register.mobile'))(v) ??
      (/^1[3-9]\d{9}$/.test(v) ? undefined : t('enterprise.request.mobileInvalid')),
  })
  const { values, errors, set } = form

  const submit = (v: Values) => {
    setError(null)
    register.mutate(
      {
        uscc: v.uscc.trim().toUpperCase(),
        enterpriseName: v.enterpriseName.trim(),
        username: v.username.trim(),
        password: v.password,
        contactName: v.contactName.trim(),
        mobile: v.mobile.trim(),
      },
      { onError: (err) => void (form.setServerErrors(err) || setError(err)) },
    )
  }
  const done = register.data

  // A text box bound to one field (the USCC is upper-cased as typed).
  const text =
    (name: keyof Values, props: Omit<ComponentProps<'input'>, 'value' | 'onChange'>) => (control: ControlProps) => (
      <input
        {...control}
        className="ruyu-input"
        {...props}
        value={values[name]}
        onChange={(e) => set(name, name === 'uscc' ? e.target.value.toUpperCase() : e.target.value)}
      />
    )

  return (
    <div className="ruyu-register">
      <div className="ruyu-register-top">
        <div className="ruyu-register-brand">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <div>
            <strong>{t('common.appName')}</strong>
            <div className="ruyu-small">{t('enterprise.register.subtitle')}</div>
          </div>
        </div>
        <PublicLanguageSwitch light />
      </div>
      <div className="ruyu-card ruyu-register-card">
        <main>
          {done ? (
            <Pending name={done.enterpriseName} uscc={done.uscc} />
          ) : (
            <>
              <h1 className="ruyu-register-title">{t('enterprise.register.title')}</h1>
              <p className="ruyu-muted">{t('enterprise.register.intro')}</p>
              <form noValidate onSubmit={form.handleSubmit(submit)} aria-label={t('enterprise.register.title')}>
                <Field
                  id="enterpriseName"
                  label={t('enterprise.register.enterpriseName')}
                  required
                  mark={false}
                  error={errors.enterpriseName}
                >
                  {text('enterpriseName', { maxLength: 100, autoComplete: 'organization' })}
                </Field>
                <Field
                  id="uscc"
                  label={t('enterprise.register.uscc')}
                  help={t('enterprise.register.usccHelp')}
                  required
                  mark={false}
                  error={errors.uscc}
                >
                  {text('uscc', {
                    maxLength: 18,
                    autoCapitalize: 'characters',
                    spellCheck: false,
                    style: { fontFamily: 'monospace' },
                  })}
                </Field>
                <Field
                  id="username"
                  label={t('enterprise.register.username')}
                  help={t('enterprise.register.usernameHelp')}
                  required
                  mark={false}
                  error={errors.username}
                >
                  {text('username', { maxLength: 32, autoComplete: 'username', autoCapitalize: 'off' })}
                </Field>
                <Field
                  id="password"
                  label={t('enterprise.register.password')}
                  help={t('enterprise.register.passwordHelp')}
                  required
                  mark={false}
                  error={errors.password}
                >
                  {(control) => (
                    <PasswordInput
                      control={control}
                      maxLength={128}
                      autoComplete="new-password"
                      value={values.password}
                      onChange={(v) => set('password', v)}
                    />
                  )}
                </Field>
                <Field
                  id="confirm"
                  label={t('enterprise.register.confirm')}
                  required
                  mark={false}
                  error={errors.confirm}
                >
                  {(control) => (
                    <PasswordInput
                      control={control}
                      maxLength={128}
                      autoComplete="new-password"
                      value={values.confirm}
                      onChange={(v) => set('confirm', v)}
                    />
                  )}
                </Field>
                <Field
                  id="contactName"
                  label={t('enterprise.register.contactName')}
                  required
                  mark={false}
                  error={errors.contactName}
                >
                  {text('contactName', { maxLength: 30, autoComplete: 'name' })}
                </Field>
                <Field id="mobile" label={t('enterprise.register.mobile')} required mark={false} error={errors.mobile}>
                  {text('mobile', { maxLength: 11, inputMode: 'tel', type: 'tel', autoComplete: 'tel' })}
                </Field>
                <PublicError error={error} style={{ marginBottom: 16 }} />
                <Button type="submit" variant="primary" block size="large" loading={register.isPending}>
                  {t('enterprise.register.submit')}
                </Button>
              </form>
              <p style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
                {t('enterprise.register.haveAccount')} <Link to="/login">{t('enterprise.register.login')}</Link>
              </p>
            </>
          )}
        </main>
      </div>
    </div>
  )
}

import { useState } from 'react'
import { Button, ButtonLink } from '../../../shared/public-ui/button'
import { CopyText } from '../../../shared/public-ui/copy-text'
import { ChoiceField, Field, SwitchField } from '../../../shared/public-ui/field'
import { formatDateTime } from '../../../shared/public-ui/format'
import { publicLabelOf, usePublicTranslation } from '../../../shared/public-ui/i18n'
import { Icon } from '../../../shared/public-ui/icons'
import { Notice, Panel, PublicError } from '../../../shared/public-ui/notice'
import { useForm } from '../../../shared/public-ui/use-form'
import { isCnPhone, type PublicSubmitResult, REQUEST_TYPE_LIST, type RequestType } from '../api'
import { PublicCategorySelect, PublicDivisionPicker } from '../components/public-pickers'
import { PublicShell } from '../components/public-shell'
import { usePublicCategories, usePublicSubmit } from '../hooks'

interface Values {
  requestType: RequestType
  description: string
  categoryId: string | null
  divisionCode: string
  address: string
  callerName: string
  callerPhone: string
  confidential: boolean
}

const INITIAL: Values = {
  requestType: 'complaint',
  description: '',
  categoryId: null,
  divisionCode: '',
  address: '',
  callerName: '',
  callerPhone: '',
  confidential: false,
}

const DESCRIPTION_MAX = 4000

function Receipt({ result, onAnother }: { result: PublicSubmitResult; onAnother: () => void }) {
  const { t } = usePublicTranslation()
  return (
    <Panel data-testid="public-receipt">
      <div className="ruyu-public-receipt-head" role="status">
        <span style={{ color: '#237804' }}>
          <Icon name="success" size={40} />
        </span>
        <h2>{t('hotline.public.receivedTitle')}</h2>
        <span className="ruyu-muted">{formatDateTime(result.receivedAt)}</span>
      </div>
      <p style={{ marginBottom: 4 }}>{t('hotline.public.number')}</p>
      <CopyText
        text={result.number}
        label={t('hotline.public.number')}
        className="ruyu-public-token"
        data-testid="public-number"
      />
      <p style={{ margin: '12px 0 4px' }}>{t('hotline.public.token')}</p>
      <CopyText
        text={result.trackingToken}
        label={t('hotline.public.token')}
        className="ruyu-public-token"
        data-testid="public-token"
      />
      <Notice type="warning" style={{ margin: '16px 0' }} title={t('hotline.public.tokenOnce')} />
      <ButtonLink
        to={`/12345/track?token=${encodeURIComponent(result.trackingToken)}`}
        variant="primary"
        size="large"
        block
      >
        {t('hotline.public.trackNow')}
      </ButtonLink>
      <Button block variant="link" onClick={onAnother} style={{ marginTop: 8 }}>
        {t('hotline.public.another')}
      </Button>
    </Panel>
  )
}

/** 12345 在线诉求: anyone, on a phone, without an account; the receipt shows the number and the tracking code. */
export default function PublicSubmitPage() {
  const { t } = usePublicTranslation()
  const categories = usePublicCategories()
  const submit = usePublicSubmit()
  const [result, setResult] = useState<PublicSubmitResult | null>(null)
  const [error, setError] = useState<unknown>(null)
  const blank = (message: string) => (v: string) => (v.trim() ? undefined : message)
  const form = useForm<Values>(INITIAL, {
    description: blank(t('hotline.public.descriptionRequired')),
    divisionCode: (v) => (v ? undefined : t('hotline.public.townRequired')),
    address: blank(t('hotline.public.addressRequired')),
    callerName: blank(t('hotline.public.nameRequired')),
    callerPhone: (v) =>
      !v.trim() ? t('hotline.public.phoneRequired') : isCnPhone(v) ? undefined : t('hotline.public.phoneInvalid'),
  })
  const { values, errors, set } = form

  const send = async (v: Values) => {
    setError(null)
    try {
      const out = await submit.mutateAsync({ ...v, categoryId: v.categoryId ?? null })
      setResult(out)
      window.scrollTo(0, 0)
    } catch (err) {
      if (!form.setServerErrors(err)) setError(err)
    }
  }

  return (
    <PublicShell title={t('hotline.public.submitTitle')}>
      {result ? (
        <Receipt
          result={result}
          onAnother={() => {
            setResult(null)
            form.reset()
          }}
        />
      ) : (
        <>
          <Notice type="error" style={{ marginBottom: 12 }} title={t('hotline.public.emergency')} />
          <Panel>
            <form
              noValidate
              onSubmit={form.handleSubmit((v) => void send(v))}
              data-testid="public-form"
              aria-label={t('hotline.public.submitTitle')}
            >
              <ChoiceField
                id="requestType"
                legend={t('hotline.public.requestType')}
                required
                options={REQUEST_TYPE_LIST.map((v) => ({ value: v, label: publicLabelOf('hotline.requestType', v) }))}
                value={values.requestType}
                onChange={(v) => set('requestType', v)}
              />
              <Field id="description" label={t('hotline.public.description')} required error={errors.description}>
                {(control) => (
                  <>
                    <textarea
                      {...control}
                      className="ruyu-input"
                      rows={5}
                      maxLength={DESCRIPTION_MAX}
                      placeholder={t('hotline.public.descriptionPlaceholder')}
                      value={values.description}
                      onChange={(e) => set('description', e.target.value)}
                    />
                    <div className="ruyu-field-count" aria-hidden="true">
                      {values.description.length} / {DESCRIPTION_MAX}
                    </div>
                  </>
                )}
              </Field>
              <Field id="categoryId" label={t('hotline.public.category')} help={t('hotline.public.categoryHelp')}>
                {(control) => (
                  <PublicCategorySelect
                    control={control}
                    tree={categories.data?.items}
                    loading={categories.isPending}
                    value={values.categoryId}
                    onChange={(id) => set('categoryId', id)}
                  />
                )}
              </Field>
              <PublicDivisionPicker
                id="divisionCode"
                value={values.divisionCode}
                onChange={(code) => set('divisionCode', code)}
                error={errors.divisionCode}
              />
              <Field id="address" label={t('hotline.public.address')} required error={errors.address}>
                {(control) => (
                  <input
                    {...control}
                    className="ruyu-input"
                    maxLength={200}
                    placeholder={t('hotline.public.addressPlaceholder')}
                    value={values.address}
                    onChange={(e) => set('address', e.target.value)}
                  />
                )}
              </Field>
              <Field
                id="callerName"
                label={t('hotline.public.name')}
                help={t('hotline.public.nameHelp')}
                required
                error={errors.callerName}
              >
                {(control) => (
                  <input
                    {...control}
                    className="ruyu-input"
                    maxLength={50}
                    autoComplete="name"
                    value={values.callerName}
                    onChange={(e) => set('callerName', e.target.value)}
                  />
                )}
              </Field>
              <Field id="callerPhone" label={t('hotline.public.phone')} required error={errors.callerPhone}>
                {(control) => (
                  <input
                    {...control}
                    className="ruyu-input"
                    type="tel"
                    inputMode="tel"
                    autoComplete="tel"
                    maxLength={20}
                    value={values.callerPhone}
                    onChange={(e) => set('callerPhone', e.target.value)}
                  />
                )}
              </Field>
              <SwitchField
                id="confidential"
                label={t('hotline.public.confidential')}
                help={t('hotline.public.confidentialHelp')}
                checked={values.confidential}
                onChange={(on) => set('confidential', on)}
              />
              <PublicError error={error} style={{ marginBottom: 16 }} />
              <Button type="submit" variant="primary" size="large" block loading={submit.isPending}>
                {t('hotline.public.submit')}
              </Button>
              <p className="ruyu-small ruyu-muted" style={{ marginTop: 12, marginBottom: 0 }}>
                {t('hotline.public.privacy')}
              </p>
            </form>
          </Panel>
        </>
      )}
    </PublicShell>
  )
}

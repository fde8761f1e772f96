import { isCnMobile, isValidUscc } from '@ruyu/contracts/identifiers'
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Select, Steps, Typography } from 'antd'
import { type SetStateAction, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAccess } from '../../../access'
import { ErrorDisplay } from '../../../shared/error-display'
import { PageLoading } from '../../../shared/feedback'
import { ApiError } from '../../../shared/request'
import { useDebouncedValue } from '../../../shared/use-debounced-value'
import { type CaseReceipt, CONSTRUCTION_THEME, type CombinedField, type Draft, type WindowSubmitCase } from '../api'
import {
  decidingFields,
  decidingValues,
  type FormValues,
  formToSend,
  groupFields,
  type MaterialToSend,
  materialsToSend,
  missingMaterials,
  STEP_BASICS,
  STEP_FORM,
  STEP_MATERIALS,
  STEP_REVIEW,
  targetOf,
} from '../apply-model'
import {
  useLocations,
  useParks,
  usePlan,
  useSaveDraft,
  useSubmitAtWindow,
  useSubmitOnline,
  useTheme,
  useTowns,
  useZoneKinds,
} from '../hooks'
import { FieldInput } from './field-input'
import { type Choices, MaterialsStep } from './materials-step'
import { ParkPicker } from './park-picker'
import { PlanSummary, VariantTag } from './plan-summary'
import { type Principal, ReviewStep } from './review-step'
import '../approval.css'

interface WizardValues {
  form?: FormValues
  principal?: Principal
  locationId?: string
  parkCode?: string
}

/** The material choices a draft saved (a saved file shows under a neutral name: drafts keep no file names). */
function choicesOf(draft: Draft | undefined, savedFile: string): Choices {
  const out: Choices = {}
  for (const m of draft?.data.materials ?? [])
    out[m.code] = m.fileId
      ? { kind: 'file', fileId: m.fileId, fileName: savedFile }
      : m.pendingDueDate
        ? { kind: 'pending', dueDate: m.pendingDueDate }
        : undefined
  return out
}

const PRINCIPAL_KEYS = ['enterpriseName', 'enterpriseUscc', 'contactName', 'contactMobile'] as const

/**
 * The construction theme's application in four steps (project basics with the live variant and plan, the one
 * combined form, materials with 容缺 and the park, review). `online`: an enterprise files for itself; `window`:
 * a clerk files for an enterprise (the principal) at a service location. Server field errors go back to the step
 * and field they belong to.
 */
export function ApplicationWizard({
  mode,
  defaults,
  draft,
  onDraftSaved,
  onSubmitted,
}: {
  mode: 'online' | 'window'
  defaults?: FormValues
  /** A saved draft to resume (草稿). */
  draft?: Draft
  onDraftSaved?: (draft: Draft) => void
  onSubmitted: (detail: CaseReceipt, sent: { pending: MaterialToSend[] }) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { user } = useAccess()
  const [form] = Form.useForm<WizardValues>()
  const [step, setStep] = useState(draft?.data.step ?? STEP_BASICS)
  const [choices, setChoices] = useState<Choices>(() => choicesOf(draft, t('approval.drafts.savedFile')))
  const [saved, setSaved] = useState<{ id: string; version: number } | null>(
    draft ? { id: draft.id, version: draft.version } : null,
  )
  const saveDraft = useSaveDraft()
  const [materialErrors, setMaterialErrors] = useState<Record<string, string>>({})
  const [stepError, setStepError] = useState<string | null>(null)
  const [submitError, setSubmitError] = useState<unknown>(null)
  const [unplaced, setUnplaced] = useState<string[]>([])

  const theme = useTheme(CONSTRUCTION_THEME)
  const towns = useTowns()
  const parks = useParks()
  const kinds = useZoneKinds()
  const locations = useLocations(mode === 'window')
  const online = useSubmitOnline()
  const window_ = useSubmitAtWindow()
  const submitting = online.isPending || window_.isPending

  // Watch only what the wizard itself needs, so typing in one of sixty fields does not re-render all of them.
  const keys = useMemo(() => decidingFields(theme.data), [theme.data])
  const decidingNow = Form.useWatch((all: WizardValues) => JSON.stringify(decidingValues(keys, all.form)), form)
  const landAreaMu = Number(Form.useWatch(['form', 'landAreaMu'], form) ?? 0) || 0
  const parkCode = Form.useWatch('parkCode', form) as string | undefined
  const decidingKey = useDebouncedValue(decidingNow ?? '{}', 300)
  const deciding = useMemo(() => JSON.parse(decidingKey) as Record<string, unknown>, [decidingKey])
  const plan = usePlan(CONSTRUCTION_THEME, deciding, parkCode)
  const combined = plan.data?.form

  const themeKeys = useMemo(() => new Set((theme.data?.formFields ?? []).map((f) => f.key)), [theme.data])
  const basics = useMemo(() => (combined?.fields ?? []).filter((f) => themeKeys.has(f.key)), [combined, themeKeys])
  const groups = useMemo(
    () => (combined ? groupFields(combined.fields, themeKeys, theme.data, t('approval.apply.otherGroup')) : []),
    [combined, themeKeys, theme.data, t],
  )
  const itemNames = useMemo(
    () =>
      new Map([
        ...(theme.data?.items ?? []).map((i) => [i.code, i.name] as const),
        ...(combined?.items ?? []).map((i) => [i.code, i.name] as const),
      ]),
    [theme.data, combined],
  )

  // The clerk's own service location first: the one in the clerk's division, the district hall when several.
  useEffect(() => {
    if (mode !== 'window' || !locations.data || form.getFieldValue('locationId')) return
    const scope = user?.posts[0]?.scopeDivisionCode
    const here = locations.data.items.filter((l) => l.divisionCode === scope)
    const pick = here.find((l) => l.kind === 'district_hall') ?? here[0] ?? locations.data.items[0]
    if (pick) form.setFieldValue('locationId', pick.id)
  }, [mode, locations.data, user, form])

  const usedByText = useMemo(() => {
    const out = new Map<string, string>()
    for (const f of combined?.fields ?? []) {
      const names = f.itemCodes.slice(0, 6).map((c) => itemNames.get(c) ?? c)
      out.set(
        f.key,
        f.itemCodes.length === 0
          ? t('approval.apply.usedByTheme')
          : t('approval.apply.usedByItems', {
              count: f.itemCodes.length,
              names: names.join('、') + (f.itemCodes.length > names.length ? '…' : ''),
            }),
      )
    }
    return out
  }, [combined, itemNames, t])
  const usedBy = (f: CombinedField) => usedByText.get(f.key)

  const updateChoices = useCallback((update: SetStateAction<Choices>) => {
    setMaterialErrors({})
    setStepError(null)
    setChoices(update)
  }, [])

  const namesOfStep = (s: number): (string | number)[][] => {
    if (s === STEP_BASICS)
      return [
        ...basics.map((f) => ['form', f.key]),
        ...(mode === 'window' ? [...PRINCIPAL_KEYS.map((k) => ['principal', k]), ['locationId']] : []),
      ]
    if (s === STEP_FORM) return groups.flatMap((g) => g.fields.map((f) => ['form', f.key]))
    return []
  }

  /** Checks one step; on failure shows where and returns false. */
  const checkStep = async (s: number): Promise<boolean> => {
    if (s === STEP_MATERIALS) {
      const missing = missingMaterials(combined, choices)
      if (!missing.length) return true
      setMaterialErrors(Object.fromEntries(missing.map((c) => [c, t('approval.materials.requiredMissing')])))
      setStepError(t('approval.materials.missingRequired', { count: missing.length }))
      document.querySelector(`[data-material="${missing[0]}"]`)?.scrollIntoView({ block: 'center' })
      return false
    }
    try {
      await form.validateFields(namesOfStep(s))
      return true
    } catch (info) {
      const first = (info as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0]
      if (first) form.scrollToField(first.name, { block: 'center' })
      setStepError(t('approval.apply.stepError'))
      return false
    }
  }

  const go = (next: number) => {
    setStepError(null)
    setStep(next)
    window.scrollTo({ top: 0 })
  }
  const next = async () => {
    if (await checkStep(step)) go(step + 1)
  }

  /** Saves what is filled in so far, unchecked (the server keeps it for this account only). */
  const save = async () => {
    if (!combined) return
    const all = form.getFieldsValue(true) as WizardValues
    const p = all.principal
    try {
      const d = await saveDraft.mutateAsync({
        id: saved?.id ?? null,
        input: {
          themeCode: CONSTRUCTION_THEME,
          channel: mode,
          ...(saved ? { expectedVersion: saved.version } : {}),
          data: {
            form: formToSend(combined, all.form),
            materials: materialsToSend(combined, choices),
            step,
            ...(all.parkCode ? { parkCode: all.parkCode } : {}),
            ...(mode === 'window' && p ? { principal: p } : {}),
            ...(mode === 'window' && all.locationId ? { locationId: all.locationId } : {}),
          },
        },
      })
      setSaved({ id: d.id, version: d.version })
      void message.success(t('approval.drafts.saved'))
      onDraftSaved?.(d)
    } catch (err) {
      void message.error(err instanceof ApiError ? err.message : t('approval.apply.submitFailed'))
    }
  }

  const submit = async () => {
    if (!combined) return
    for (const s of [STEP_BASICS, STEP_FORM, STEP_MATERIALS]) {
      if (!(await checkStep(s))) {
        setStep(s)
        return
      }
    }
    setSubmitError(null)
    setUnplaced([])
    const all = form.getFieldsValue(true) as WizardValues
    const materials = materialsToSend(combined, choices)
    const body = {
      themeCode: CONSTRUCTION_THEME,
      form: formToSend(combined, all.form),
      materials,
      ...(all.parkCode ? { parkCode: all.parkCode } : {}),
      ...(saved ? { draftId: saved.id } : {}),
    }
    try {
      let detail: CaseReceipt
      if (mode === 'window') {
        const p = all.principal ?? {}
        const input: WindowSubmitCase = {
          ...body,
          principal: {
            enterpriseName: (p.enterpriseName ?? '').trim(),
            enterpriseUscc: (p.enterpriseUscc ?? '').trim(),
            contactName: (p.contactName ?? '').trim(),
            contactMobile: (p.contactMobile ?? '').trim(),
          },
          ...(all.locationId ? { locationId: all.locationId } : {}),
        }
        detail = await window_.mutateAsync(input)
      } else detail = await online.mutateAsync(body)
      onSubmitted(detail, { pending: materials.filter((m) => m.pendingDueDate) })
    } catch (err) {
      const issues = err instanceof ApiError ? (err.details?.issues ?? []) : []
      if (!issues.length) {
        setSubmitError(err)
        return
      }
      const fields = new Map<string, { name: (string | number)[]; errors: string[] }>()
      const mats: Record<string, string> = {}
      const rest: string[] = []
      let first = STEP_REVIEW
      for (const issue of issues) {
        const target = targetOf(issue, themeKeys, materials)
        if (!target) {
          rest.push(issue.message)
          continue
        }
        first = Math.min(first, target.step)
        if (target.field) {
          const key = target.field.join('.')
          const entry = fields.get(key) ?? { name: target.field, errors: [] }
          entry.errors.push(target.message)
          fields.set(key, entry)
        } else if (target.material) mats[target.material] = target.message
        else rest.push(target.message)
      }
      // Issue paths are runtime data; the form's typed name paths cannot describe them.
      form.setFields([...fields.values()] as Parameters<typeof form.setFields>[0])
      setMaterialErrors(mats)
      setUnplaced(rest)
      if (rest.length) setSubmitError(err)
      void message.error(t('approval.apply.submitFailed'))
      if (first !== STEP_REVIEW) {
        go(first)
        const firstField = [...fields.values()][0]
        if (firstField) window.setTimeout(() => form.scrollToField(firstField.name, { block: 'center' }), 50)
      }
    }
  }

  // Window intake: the principal's details fill the builder fields, until the clerk types something else there.
  const synced = useRef<Record<string, string>>({})
  const onValuesChange = (changed: WizardValues) => {
    if (mode !== 'window' || !changed.principal) return
    const current = (form.getFieldValue('form') ?? {}) as FormValues
    const map: Record<string, string | undefined> = {
      builder: changed.principal.enterpriseName,
      builderUscc: changed.principal.enterpriseUscc,
      contactName: changed.principal.contactName,
      contactPhone: changed.principal.contactMobile,
    }
    for (const [key, value] of Object.entries(map)) {
      if (value === undefined) continue
      const now = current[key]
      if (now && now !== synced.current[key]) continue
      synced.current[key] = value
      form.setFieldValue(['form', key], value)
    }
  }

  const loadError = theme.error ?? towns.error ?? (plan.isError && !plan.data ? plan.error : null)
  if (loadError)
    return (
      <ErrorDisplay
        error={loadError}
        onRetry={() => {
          void theme.refetch()
          void towns.refetch()
          void plan.refetch()
        }}
      />
    )
  if (!theme.data || !combined || !towns.data) return <PageLoading />

  const stepTitles = [
    t('approval.steps.basics'),
    t('approval.steps.form'),
    t('approval.steps.materials'),
    t('approval.steps.review'),
  ]
  const selectedPark = parks.data?.items.find((p) => p.code === parkCode)
  const planSummary = <PlanSummary plan={plan.data} theme={theme.data} updating={plan.isFetching} />

  return (
    <Form<WizardValues>
      form={form}
      name="apply"
      layout="vertical"
      initialValues={
        draft
          ? {
              form: draft.data.form,
              parkCode: draft.data.parkCode,
              principal: draft.data.principal,
              locationId: draft.data.locationId,
            }
          : { form: defaults ?? {} }
      }
      onValuesChange={onValuesChange}
      requiredMark
      className="ruyu-apply"
    >
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          size="small"
          items={stepTitles.map((title, i) => ({ key: i, title }))}
          aria-label={t('approval.apply.stepsLabel')}
        />
        <Flex gap={8} wrap align="center" style={{ marginTop: 12 }} data-testid="variant-line">
          <Typography.Text type="secondary">{t('approval.variant.title')}：</Typography.Text>
          <VariantTag
            name={plan.data?.variant?.name ?? combined.plan.name}
            variantKey={plan.data?.variant?.key ?? null}
            theme={theme.data}
          />
          <Typography.Text type="secondary">
            {t('approval.variant.short', { days: combined.plan.committedDays, stages: combined.plan.stages.length })}
          </Typography.Text>
        </Flex>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={step === STEP_BASICS ? 15 : 24}>
          {stepError ? (
            <Alert type="error" showIcon title={stepError} style={{ marginBottom: 16 }} role="alert" />
          ) : null}

          <div hidden={step !== STEP_BASICS} data-testid="step-basics">
            {mode === 'window' ? (
              <Card size="small" title={t('approval.principal.title')} style={{ marginBottom: 16 }}>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={['principal', 'enterpriseName']}
                      label={t('approval.principal.enterpriseName')}
                      rules={[
                        { required: true, whitespace: true, min: 2, message: t('approval.principal.nameRequired') },
                      ]}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={['principal', 'enterpriseUscc']}
                      label={t('approval.principal.enterpriseUscc')}
                      normalize={(v?: string) => v?.toUpperCase().replace(/\s/g, '')}
                      rules={[
                        { required: true, message: t('approval.principal.usccRequired') },
                        {
                          validator: (_, v?: string) =>
                            !v || isValidUscc(v)
                              ? Promise.resolve()
                              : Promise.reject(new Error(t('approval.apply.usccInvalid'))),
                        },
                      ]}
                    >
                      <Input maxLength={18} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={['principal', 'contactName']}
                      label={t('approval.principal.contactName')}
                      rules={[{ required: true, whitespace: true, message: t('approval.principal.contactRequired') }]}
                    >
                      <Input maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={['principal', 'contactMobile']}
                      label={t('approval.principal.contactMobile')}
                      rules={[
                        { required: true, message: t('approval.principal.mobileRequired') },
                        {
                          validator: (_, v?: string) =>
                            !v || isCnMobile(v)
                              ? Promise.resolve()
                              : Promise.reject(new Error(t('approval.apply.mobileInvalid'))),
                        },
                      ]}
                    >
                      <Input maxLength={11} inputMode="tel" />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item
                      name="locationId"
                      label={t('approval.principal.location')}
                      rules={[{ required: true, message: t('approval.principal.locationRequired') }]}
                    >
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        loading={locations.isPending}
                        placeholder={t('approval.principal.locationPlaceholder')}
                        options={(locations.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ) : null}
            <Card size="small" title={t('approval.apply.basicsTitle')}>
              <Typography.Paragraph type="secondary">{t('approval.apply.basicsIntro')}</Typography.Paragraph>
              <Row gutter={16}>
                {basics.map((f) => (
                  <Col key={f.key} xs={24} md={f.type === 'boolean' ? 12 : 12}>
                    <FieldInput field={f} towns={towns.data} usedBy={usedBy(f)} />
                  </Col>
                ))}
              </Row>
            </Card>
          </div>

          <div hidden={step !== STEP_FORM} data-testid="step-form">
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('approval.apply.formIntro', {
                items: combined.items.length,
                fields: combined.fields.length,
              })}
            />
            {groups.map((g) => (
              <Card
                key={g.stage}
                size="small"
                title={t('approval.apply.groupTitle', { name: g.name })}
                style={{ marginBottom: 16 }}
              >
                <Row gutter={16}>
                  {g.fields.map((f) => (
                    <Col key={f.key} xs={24} md={12} xl={8}>
                      <FieldInput field={f} towns={towns.data} usedBy={usedBy(f)} />
                    </Col>
                  ))}
                </Row>
              </Card>
            ))}
          </div>

          <div hidden={step !== STEP_MATERIALS} data-testid="step-materials">
            <ParkPicker
              parks={parks.data?.items ?? []}
              kinds={kinds.data?.items ?? []}
              combined={combined}
              parkCode={parkCode}
              landAreaMu={landAreaMu}
              itemNames={itemNames}
            />
            <Card size="small" title={t('approval.steps.materials')}>
              <MaterialsStep
                combined={combined}
                itemNames={itemNames}
                choices={choices}
                setChoices={updateChoices}
                errors={materialErrors}
              />
            </Card>
          </div>

          {step === STEP_REVIEW ? (
            <ReviewStep
              combined={combined}
              theme={theme.data}
              plan={plan.data}
              basics={basics}
              groups={groups}
              values={form.getFieldValue('form') as FormValues | undefined}
              towns={towns.data}
              choices={choices}
              park={selectedPark}
              principal={mode === 'window' ? (form.getFieldValue('principal') as Principal | undefined) : undefined}
              location={locations.data?.items.find((l) => l.id === form.getFieldValue('locationId'))}
            />
          ) : null}

          {submitError ? (
            <ErrorDisplay
              error={submitError}
              title={unplaced.length ? unplaced.join('；') : undefined}
              style={{ marginTop: 16 }}
            />
          ) : null}

          <Flex gap={8} justify="space-between" wrap className="ruyu-apply-nav">
            <Button disabled={step === STEP_BASICS || submitting} onClick={() => go(step - 1)}>
              {t('approval.apply.prev')}
            </Button>
            <Button
              loading={saveDraft.isPending}
              disabled={submitting}
              onClick={() => void save()}
              data-testid="save-draft"
            >
              {t('approval.drafts.save')}
            </Button>
            {step < STEP_REVIEW ? (
              <Button type="primary" onClick={() => void next()}>
                {t('approval.apply.next')}
              </Button>
            ) : (
              <Button type="primary" loading={submitting} onClick={() => void submit()}>
                {mode === 'window' ? t('approval.apply.submitWindow') : t('approval.apply.submit')}
              </Button>
            )}
          </Flex>
        </Col>
        {step === STEP_BASICS ? (
          <Col xs={24} lg={9}>
            <div className="ruyu-apply-side">{planSummary}</div>
          </Col>
        ) : null}
      </Row>
    </Form>
  )
}

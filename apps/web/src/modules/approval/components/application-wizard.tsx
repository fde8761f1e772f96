import { Alert, App, Button, Card, Col, Flex, Form, Row, Typography } from 'antd'
import { type SetStateAction, useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorDisplay } from '../../../shared/error-display'
import { PageLoading } from '../../../shared/feedback'
import { ApiError } from '../../../shared/request'
import { type CaseReceipt, CONSTRUCTION_THEME, type Draft, type WindowSubmitCase } from '../api'
import {
  type FormValues,
  formToSend,
  type MaterialToSend,
  materialsToSend,
  missingMaterials,
  type Principal,
  placeIssues,
  STEP_BASICS,
  STEP_FORM,
  STEP_MATERIALS,
  STEP_REVIEW,
  type WizardValues,
} from '../apply-model'
import { useSaveDraft, useSubmitAtWindow, useSubmitOnline } from '../hooks'
import { FieldInput } from './field-input'
import { type Choices, choicesOf, MaterialsStep } from './materials-step'
import { ParkPicker } from './park-picker'
import { PlanSummary } from './plan-summary'
import { PRINCIPAL_KEYS, PrincipalCard, usePrincipalSync } from './principal-card'
import { ReviewStep } from './review-step'
import { useWizardData } from './use-wizard-data'
import { WizardHeader } from './wizard-header'
import '../approval.css'

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

  const online = useSubmitOnline()
  const window_ = useSubmitAtWindow()
  const submitting = online.isPending || window_.isPending

  const data = useWizardData(mode, form)
  const { theme, towns, parks, kinds, locations, plan, combined, landAreaMu, parkCode } = data
  const { themeKeys, basics, groups, itemNames, usedBy } = data

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
      const { fields, materials: mats, rest, first } = placeIssues(issues, themeKeys, materials)
      // Issue paths are runtime data; the form's typed name paths cannot describe them.
      form.setFields(fields as Parameters<typeof form.setFields>[0])
      setMaterialErrors(mats)
      setUnplaced(rest)
      if (rest.length) setSubmitError(err)
      void message.error(t('approval.apply.submitFailed'))
      if (first !== STEP_REVIEW) {
        go(first)
        const firstField = fields[0]
        if (firstField) window.setTimeout(() => form.scrollToField(firstField.name, { block: 'center' }), 50)
      }
    }
  }

  const onValuesChange = usePrincipalSync(form, mode)

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
      <WizardHeader step={step} plan={plan.data} combined={combined} theme={theme.data} />

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={step === STEP_BASICS ? 15 : 24}>
          {stepError ? (
            <Alert type="error" showIcon title={stepError} style={{ marginBottom: 16 }} role="alert" />
          ) : null}

          <div hidden={step !== STEP_BASICS} data-testid="step-basics">
            {mode === 'window' ? (
              <PrincipalCard locations={locations.data?.items ?? []} loading={locations.isPending} />
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

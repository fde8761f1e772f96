import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Popconfirm, Row, Select, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useAccess } from '../../../access'
import { ErrorDisplay } from '../../../shared/error-display'
import { PageLoading } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { ApiError } from '../../../shared/request'
import { MUPING_TOWNS } from '../../approval/towns'
import { useEnterpriseReference, useIndustries, useServices } from '../../enterprise/hooks'
import { formatDateTime } from '../../workflow/format'
import { POLICY_LEVEL_LIST, type PolicyDetail, type PolicyLevel, type Rule, type SavePolicy } from '../api'
import { InterpretationsCard, MatchesCard } from '../components/policy-edit-cards'
import { RuleEditor } from '../components/rule-editor'
import type { RuleOptions } from '../components/rule-node'
import { PolicyStatusTag } from '../components/tags'
import { useDepartments, usePolicy, usePolicyAction, useSavePolicy } from '../hooks'
import { normaliseIssuePath, type RuleIssueView } from '../rule-model'
import '../policy.css'

interface Values {
  title: string
  docNumber?: string
  departmentId: string
  level: PolicyLevel
  validity: [Dayjs, Dayjs | null]
  benefitSummary: string
  fullText?: string
  serviceItemCode?: string
  enterpriseServiceCode?: string
}

/** Splits a VALIDATION_FAILED reply into the rule's issues (for the editor) and the rest (for the form fields). */
function splitIssues(err: unknown): { rule: RuleIssueView[]; fields: { name: string; errors: string[] }[] } {
  const out = { rule: [] as RuleIssueView[], fields: [] as { name: string; errors: string[] }[] }
  if (!(err instanceof ApiError)) return out
  const issues = (err.details?.issues ?? []) as { path: unknown; message: string }[]
  for (const i of issues) {
    const path = normaliseIssuePath(i.path)
    const head = Array.isArray(i.path) ? String(i.path[0]) : String(i.path).split(/[.[]/)[0]
    if (head === 'rule' || path.startsWith('rule.') || path === 'rule') out.rule.push({ path, message: i.message })
    else out.fields.push({ name: head ?? '', errors: [i.message] })
  }
  return out
}

/** The policy form with the rule editor; publish; the matched enterprises and interpretations of a saved policy. */
export default function PolicyEditPage() {
  const { id } = useParams()
  const isNew = !id || id === 'new'
  const policy = usePolicy(isNew ? undefined : id, 'staff')
  if (!isNew && policy.isPending) return <PageLoading />
  if (!isNew && policy.isError) return <ErrorDisplay error={policy.error} onRetry={() => void policy.refetch()} />
  return <PolicyEditor key={policy.data?.id ?? 'new'} policy={isNew ? null : (policy.data ?? null)} />
}

function PolicyEditor({ policy }: { policy: PolicyDetail | null }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const { user, can } = useAccess()
  const manage = can('policy:manage')
  const [form] = Form.useForm<Values>()
  const [rule, setRule] = useState<Rule | null>(policy?.rule ?? null)
  const [ruleIssues, setRuleIssues] = useState<RuleIssueView[]>([])
  const [error, setError] = useState<unknown>(null)
  const departments = useDepartments()
  const reference = useEnterpriseReference()
  const industries = useIndustries()
  const services = useServices()
  const save = useSavePolicy()
  const action = usePolicyAction()

  // The server judged an older rule: its issues go once the user edits the rule.
  const changeRule = (next: Rule | null) => {
    setRule(next)
    setRuleIssues([])
  }

  const myDepartment = user?.posts.find((p) => p.departmentId)?.departmentId ?? undefined
  const initial = useMemo<Partial<Values>>(
    () =>
      policy
        ? {
            title: policy.title,
            docNumber: policy.docNumber ?? undefined,
            departmentId: policy.departmentId,
            level: policy.level,
            validity: [dayjs(policy.validFrom), policy.validTo ? dayjs(policy.validTo) : null],
            benefitSummary: policy.benefitSummary,
            fullText: policy.fullText,
            serviceItemCode: policy.serviceItemCode ?? undefined,
            enterpriseServiceCode: policy.enterpriseServiceCode ?? undefined,
          }
        : { level: 'district', departmentId: myDepartment, validity: [dayjs(), null] },
    [policy, myDepartment],
  )

  const options = useMemo<RuleOptions>(
    () => ({
      tags: reference.data?.tags ?? [],
      parks: reference.data?.parks ?? [],
      divisions: [{ code: '370612', name: t('common.districtName') }, ...MUPING_TOWNS],
      industries: (industries.data?.items ?? []).flatMap((s) => [
        { code: s.code, name: s.name },
        ...s.divisions.map((d) => ({ code: d.code, name: d.name })),
      ]),
    }),
    [reference.data, industries.data, t],
  )

  const toInput = (v: Values): SavePolicy => ({
    title: v.title.trim(),
    docNumber: v.docNumber?.trim() || null,
    departmentId: v.departmentId,
    level: v.level,
    validFrom: v.validity[0].format('YYYY-MM-DD'),
    validTo: v.validity[1] ? v.validity[1].format('YYYY-MM-DD') : null,
    benefitSummary: v.benefitSummary.trim(),
    fullText: v.fullText ?? '',
    attachments: policy?.attachments ?? [],
    serviceItemCode: v.serviceItemCode?.trim() || null,
    enterpriseServiceCode: v.enterpriseServiceCode || null,
    rule,
  })

  const persist = async (): Promise<PolicyDetail | null> => {
    setError(null)
    let values: Values
    try {
      values = await form.validateFields()
    } catch {
      return null
    }
    try {
      const saved = await save.mutateAsync({
        id: policy?.id,
        input: { ...toInput(values), ...(policy ? { expectedVersion: policy.version } : {}) },
      })
      return saved
    } catch (err) {
      const split = splitIssues(err)
      if (split.rule.length) setRuleIssues(split.rule)
      if (split.fields.length) form.setFields(split.fields as Parameters<typeof form.setFields>[0])
      if (!split.rule.length && !split.fields.length) setError(err)
      else void message.error(t('policy.edit.validationFailed'))
      return null
    }
  }

  const onSave = async () => {
    const saved = await persist()
    if (!saved) return
    void message.success(t('policy.edit.saved'))
    if (!policy) void navigate(`/policy/admin/${saved.id}`, { replace: true })
  }

  const onPublish = async () => {
    const saved = await persist()
    if (!saved) return
    action.mutate(
      { id: saved.id, action: 'publish' },
      {
        onSuccess: () => {
          void message.success(t('policy.edit.published'))
          if (!policy) void navigate(`/policy/admin/${saved.id}`, { replace: true })
        },
        onError: (err) => setError(err),
      },
    )
  }

  const status = policy?.status ?? 'draft'
  return (
    <PageContainer
      title={policy ? t('policy.edit.titleEdit') : t('policy.edit.titleCreate')}
      description={
        policy ? (
          <Flex gap={8} align="center" wrap>
            <PolicyStatusTag status={policy.status} />
            <span>{policy.title}</span>
            {policy.publishedAt ? <span>{formatDateTime(policy.publishedAt)}</span> : null}
          </Flex>
        ) : undefined
      }
      extra={
        <>
          {policy && policy.status !== 'draft' ? (
            <Link to={`/policy/library/${policy.id}`}>
              <Button>{t('policy.edit.view')}</Button>
            </Link>
          ) : null}
          {manage && policy?.status === 'published' ? (
            <Popconfirm
              title={t('policy.edit.expireConfirm')}
              onConfirm={() =>
                action.mutate(
                  { id: policy.id, action: 'expire' },
                  { onSuccess: () => void message.success(t('policy.edit.expired')), onError: setError },
                )
              }
            >
              <Button danger>{t('policy.edit.expire')}</Button>
            </Popconfirm>
          ) : null}
          {manage ? (
            <Button
              onClick={() => void onSave()}
              loading={save.isPending && !action.isPending}
              data-testid="policy-save"
            >
              {policy ? t('policy.edit.saveChanges') : t('policy.edit.save')}
            </Button>
          ) : null}
          {manage && status === 'draft' ? (
            <Popconfirm title={t('policy.edit.publishConfirm')} onConfirm={() => void onPublish()}>
              <Button type="primary" loading={action.isPending} data-testid="policy-publish">
                {t('policy.edit.publish')}
              </Button>
            </Popconfirm>
          ) : null}
        </>
      }
    >
      {error ? <ErrorDisplay error={error} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={11}>
          <Card title={t('policy.edit.basics')}>
            <Form<Values> form={form} layout="vertical" initialValues={initial} disabled={!manage}>
              <Form.Item
                name="title"
                label={t('policy.fields.title')}
                rules={[
                  {
                    required: true,
                    min: 2,
                    message: t('policy.edit.requiredField', { field: t('policy.fields.title') }),
                  },
                ]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item name="docNumber" label={t('policy.fields.docNumber')}>
                    <Input maxLength={100} placeholder="牟政发〔2026〕3号" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="level" label={t('policy.fields.level')} rules={[{ required: true }]}>
                    <Select options={POLICY_LEVEL_LIST.map((l) => ({ value: l, label: labelOf('policy.level', l) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="departmentId"
                label={t('policy.fields.department')}
                rules={[
                  { required: true, message: t('policy.edit.requiredField', { field: t('policy.fields.department') }) },
                ]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={departments.isPending}
                  options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
                />
              </Form.Item>
              <Form.Item name="validity" label={t('policy.fields.validity')} rules={[{ required: true }]}>
                <DatePicker.RangePicker
                  allowEmpty={[false, true]}
                  placeholder={[t('policy.fields.validFrom'), t('policy.fields.validToOpen')]}
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item
                name="benefitSummary"
                label={t('policy.fields.benefitSummary')}
                rules={[
                  {
                    required: true,
                    message: t('policy.edit.requiredField', { field: t('policy.fields.benefitSummary') }),
                  },
                ]}
              >
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
              <Form.Item name="fullText" label={t('policy.fields.fullText')}>
                <Input.TextArea rows={8} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item name="enterpriseServiceCode" label={t('policy.fields.enterpriseService')}>
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={services.isPending}
                      options={(services.data?.items ?? []).map((s) => ({
                        value: s.code,
                        label: `${s.name}（${s.providerName}）`,
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="serviceItemCode" label={t('policy.fields.serviceItemCode')}>
                    <Input maxLength={64} />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xxl={13}>
          <Card title={t('policy.edit.ruleSection')}>
            <Typography.Paragraph type="secondary">{t('policy.edit.ruleIntro')}</Typography.Paragraph>
            <RuleEditor
              value={rule}
              onChange={changeRule}
              serverIssues={ruleIssues}
              options={options}
              disabled={!manage}
            />
          </Card>
        </Col>
        {policy ? (
          <>
            <Col xs={24} xl={12}>
              <MatchesCard policy={policy} />
            </Col>
            <Col xs={24} xl={12}>
              <InterpretationsCard policy={policy} manage={manage} />
            </Col>
          </>
        ) : null}
      </Row>
    </PageContainer>
  )
}

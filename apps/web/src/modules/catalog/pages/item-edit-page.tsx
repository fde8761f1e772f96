import MinusCircleOutlined from '@ant-design/icons/MinusCircleOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { PageLoading } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { ApiError } from '../../../shared/request'
import type { FormFieldType, HandlingLevel, Item, ItemInput } from '../api'
import { DeemedConsentField } from '../components/deemed-consent-field'
import { IssueList } from '../components/issue-list'
import { useCatalogDepartments, useItem, useUpdateItem, useZoneAssessmentKinds } from '../hooks'

const FIELD_TYPES: FormFieldType[] = ['text', 'number', 'date', 'division', 'select', 'boolean']
const LEVELS: HandlingLevel[] = ['district', 'town', 'village']

interface FormValues {
  name: string
  departmentCode: string
  stage: number
  legalLimitDays: number
  committedLimitDays: number
  levels: HandlingLevel[]
  onlineCapable: boolean
  hasCertificate: boolean
  certificate?: { kind: string; name: string }
  zoneAssessmentKind?: string
  deemedConsent: boolean
  materials: { code: string; name: string; required: boolean; note?: string }[]
  formFields: {
    key: string
    label: string
    type: FormFieldType
    unit?: string
    required: boolean
    options?: string[]
  }[]
  changeNote?: string
}

function toFormValues(item: Item): FormValues {
  return {
    name: item.name,
    departmentCode: item.departmentCode,
    stage: item.stage,
    legalLimitDays: item.legalLimitDays,
    committedLimitDays: item.committedLimitDays,
    levels: item.levels,
    onlineCapable: item.onlineCapable,
    hasCertificate: Boolean(item.certificate),
    certificate: item.certificate ?? undefined,
    zoneAssessmentKind: item.zoneAssessmentKind ?? undefined,
    deemedConsent: item.deemedConsent,
    materials: item.materials,
    formFields: item.formFields.map((f) => ({ ...f, options: f.options?.map((o) => `${o.value}=${o.label}`) })),
  }
}

function toInput(v: FormValues, baseVersion: number): ItemInput {
  const blank = (s?: string) => (s?.trim() ? s.trim() : undefined)
  return {
    baseVersion,
    name: v.name,
    departmentCode: v.departmentCode,
    stage: v.stage,
    legalLimitDays: v.legalLimitDays,
    committedLimitDays: v.committedLimitDays,
    levels: v.levels,
    onlineCapable: v.onlineCapable,
    certificate: v.hasCertificate && v.certificate ? v.certificate : null,
    zoneAssessmentKind: v.zoneAssessmentKind ?? null,
    deemedConsent: v.deemedConsent ?? false,
    materials: (v.materials ?? []).map((m) => ({ ...m, note: blank(m.note) })),
    formFields: (v.formFields ?? []).map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      unit: blank(f.unit),
      required: f.required,
      options: f.options?.length
        ? f.options.map((o) => {
            const [value = '', ...label] = o.split('=')
            return { value: value.trim(), label: (label.join('=') || value).trim() }
          })
        : undefined,
    })),
    changeNote: blank(v.changeNote),
  }
}

function ItemForm({ item, onReload }: { item: Item; onReload: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [form] = Form.useForm<FormValues>()
  const [error, setError] = useState<unknown>(null)
  const departments = useCatalogDepartments()
  const kinds = useZoneAssessmentKinds()
  const update = useUpdateItem()
  const hasCertificate = Form.useWatch('hasCertificate', form)
  const back = () => void navigate(`/catalog/items?item=${encodeURIComponent(item.code)}`)

  const onFinish = (values: FormValues) => {
    setError(null)
    update.mutate(
      { code: item.code, input: toInput(values, item.version) },
      {
        onSuccess: (saved) => {
          void message.success(t('catalog.common.saved', { version: saved.version }))
          back()
        },
        onError: (err) => {
          // Field issues go onto the fields; the box above the form keeps the coded message and lists every issue.
          applyFormErrors(form, err)
          setError(err)
          window.scrollTo({ top: 0, behavior: 'smooth' })
        },
      },
    )
  }
  const conflict = error instanceof ApiError && error.code === 'CATALOG_VERSION_CONFLICT'

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      scrollToFirstError={{ block: 'center' }}
      initialValues={toFormValues(item)}
      onFinish={onFinish}
    >
      <Alert type="info" showIcon title={t('catalog.common.editHint')} style={{ marginBottom: 16 }} />
      {error ? (
        <ErrorDisplay
          error={error}
          title={conflict ? t('catalog.common.conflictTitle') : undefined}
          style={{ marginBottom: 16 }}
          onRetry={conflict ? onReload : undefined}
        />
      ) : null}
      <IssueList error={error} />
      <Card title={t('catalog.itemEdit.basics')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('catalog.items.name')} rules={[{ required: true, max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="departmentCode" label={t('catalog.items.department')} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(departments.data?.items ?? []).map((d) => ({ value: d.code, label: d.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="stage" label={t('catalog.items.stage')} rules={[{ required: true }]}>
              <Select options={[1, 2, 3, 4].map((s) => ({ value: s, label: labelOf('catalog.stages', String(s)) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="legalLimitDays" label={t('catalog.items.legalLimit')} rules={[{ required: true }]}>
              <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              name="committedLimitDays"
              label={t('catalog.items.committedLimit')}
              dependencies={['legalLimitDays']}
              extra={`0 = ${t('catalog.common.onTheSpot')}`}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: (_, value: number) =>
                    value == null || value <= getFieldValue('legalLimitDays')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('catalog.itemEdit.committedTooLong'))),
                }),
              ]}
            >
              <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="levels" label={t('catalog.items.levels')} rules={[{ required: true }]}>
              <Checkbox.Group options={LEVELS.map((l) => ({ value: l, label: labelOf('catalog.levels', l) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="onlineCapable" label={t('catalog.items.online')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('catalog.itemEdit.certificateSection')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="hasCertificate" label={t('catalog.itemEdit.hasCertificate')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          {hasCertificate ? (
            <>
              <Col xs={24} md={9}>
                <Form.Item
                  name={['certificate', 'name']}
                  label={t('catalog.itemEdit.certificateName')}
                  rules={[{ required: true, max: 60 }]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={9}>
                <Form.Item
                  name={['certificate', 'kind']}
                  label={t('catalog.itemEdit.certificateKind')}
                  rules={[{ required: true, pattern: /^[a-z][a-z0-9-]{1,40}$/ }]}
                >
                  <Input placeholder="construction-permit" />
                </Form.Item>
              </Col>
            </>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item name="zoneAssessmentKind" label={t('catalog.items.zoneAssessment')}>
              <Select
                allowClear
                placeholder={t('catalog.itemEdit.zoneAssessmentPlaceholder')}
                options={(kinds.data?.items ?? []).map((k) => ({ value: k.code, label: k.name }))}
              />
            </Form.Item>
          </Col>
          <DeemedConsentField />
        </Row>
      </Card>

      <Card title={t('catalog.itemEdit.materialsSection')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('catalog.itemEdit.materialsHint')}</Typography.Paragraph>
        <Form.List name="materials">
          {(rows, { add, remove }) => (
            <>
              {rows.map(({ key, name }) => (
                <Flex key={key} gap={8} align="baseline" wrap>
                  <Form.Item
                    name={[name, 'code']}
                    rules={[{ required: true, pattern: /^M-[A-Z0-9-]{2,40}$/ }]}
                    style={{ width: 250 }}
                  >
                    <Input placeholder="M-SITE-PLAN" aria-label={t('catalog.items.materialCode')} />
                  </Form.Item>
                  <Form.Item
                    name={[name, 'name']}
                    rules={[{ required: true, max: 100 }]}
                    style={{ flex: 1, minWidth: 220 }}
                  >
                    <Input placeholder={t('catalog.items.materialName')} aria-label={t('catalog.items.materialName')} />
                  </Form.Item>
                  <Form.Item name={[name, 'required']} valuePropName="checked" initialValue={true}>
                    <Checkbox>{t('catalog.common.required')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={[name, 'note']} rules={[{ max: 300 }]} style={{ flex: 1, minWidth: 200 }}>
                    <Input placeholder={t('catalog.items.materialNote')} aria-label={t('catalog.items.materialNote')} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('catalog.common.remove')}
                    onClick={() => remove(name)}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ required: true })}>
                {t('catalog.itemEdit.addMaterial')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card title={t('catalog.itemEdit.fieldsSection')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('catalog.itemEdit.fieldsHint')}</Typography.Paragraph>
        <Form.List name="formFields">
          {(rows, { add, remove }) => (
            <>
              {rows.map(({ key, name }) => (
                <Flex key={key} gap={8} align="baseline" wrap>
                  <Form.Item
                    name={[name, 'key']}
                    rules={[{ required: true, pattern: /^[a-z][A-Za-z0-9]{1,40}$/ }]}
                    style={{ width: 170 }}
                  >
                    <Input placeholder="projectName" aria-label={t('catalog.items.fieldKey')} />
                  </Form.Item>
                  <Form.Item name={[name, 'label']} rules={[{ required: true, max: 60 }]} style={{ width: 200 }}>
                    <Input placeholder={t('catalog.items.fieldLabel')} aria-label={t('catalog.items.fieldLabel')} />
                  </Form.Item>
                  <Form.Item name={[name, 'type']} rules={[{ required: true }]} style={{ width: 120 }}>
                    <Select
                      aria-label={t('catalog.items.fieldType')}
                      options={FIELD_TYPES.map((ty) => ({ value: ty, label: labelOf('catalog.fieldTypes', ty) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'unit']} rules={[{ max: 20 }]} style={{ width: 90 }}>
                    <Input placeholder={t('catalog.items.fieldUnit')} aria-label={t('catalog.items.fieldUnit')} />
                  </Form.Item>
                  <Form.Item name={[name, 'required']} valuePropName="checked" initialValue={true}>
                    <Checkbox>{t('catalog.common.required')}</Checkbox>
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['formFields', name, 'type']) === 'select' ? (
                        <Form.Item name={[name, 'options']} style={{ flex: 1, minWidth: 240 }}>
                          <Select
                            mode="tags"
                            open={false}
                            aria-label={t('catalog.itemEdit.options')}
                            placeholder={t('catalog.itemEdit.optionsPlaceholder')}
                          />
                        </Form.Item>
                      ) : null
                    }
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    aria-label={t('catalog.common.remove')}
                    onClick={() => remove(name)}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ type: 'text', required: true })}>
                {t('catalog.itemEdit.addField')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card style={{ marginBottom: 16 }}>
        <Form.Item name="changeNote" label={t('catalog.common.changeNote')} rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} placeholder={t('catalog.common.changeNotePlaceholder')} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('catalog.common.save')}
          </Button>
          <Button onClick={back}>{t('catalog.common.cancel')}</Button>
        </Space>
      </Card>
    </Form>
  )
}

/** Admin form for one item; saving stores a new version based on the one loaded. */
export default function ItemEditPage() {
  const { t } = useTranslation()
  const { code = '' } = useParams()
  const item = useItem(code)
  return (
    <PageContainer
      title={t('catalog.itemEdit.title', { code })}
      description={
        item.data ? `${item.data.name} · ${t('catalog.common.version', { version: item.data.version })}` : undefined
      }
    >
      {item.isError ? (
        <ErrorDisplay error={item.error} onRetry={() => void item.refetch()} />
      ) : !item.data ? (
        <PageLoading />
      ) : (
        <ItemForm key={item.data.version} item={item.data} onReload={() => void item.refetch()} />
      )}
    </PageContainer>
  )
}

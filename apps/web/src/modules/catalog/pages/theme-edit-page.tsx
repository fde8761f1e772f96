import ArrowDownOutlined from '@ant-design/icons/ArrowDownOutlined'
import ArrowUpOutlined from '@ant-design/icons/ArrowUpOutlined'
import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
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
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
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
import type { Condition, FormField, ThemeDetail, ThemeInput, ThemeVariant } from '../api'
import { IssueList } from '../components/issue-list'
import { operatorOf } from '../components/rule-text'
import { useAllItems, useTheme, useUpdateTheme } from '../hooks'

type Operator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in'
const NUMERIC: Operator[] = ['lt', 'lte', 'gt', 'gte']

interface ConditionRow {
  field?: string
  op?: Operator
  value?: unknown
}
interface VariantRow {
  key: string
  name: string
  description?: string
  isDefault: boolean
  all: ConditionRow[]
  any: ConditionRow[]
  stageMap: number[]
  stageNames: { no?: number; name?: string }[]
  omitItems: string[]
  targetDays?: number | null
}
interface FormValues {
  name: string
  description?: string
  stages: { no: number; name: string; itemCodes: string[]; mergedWith?: number | null }[]
  variants: VariantRow[]
  changeNote?: string
}

const toRow = (c: Condition): ConditionRow => {
  const [op, value] = operatorOf(c)
  return { field: c.field, op, value: typeof value === 'boolean' ? String(value) : value }
}

function toFormValues(theme: ThemeDetail): FormValues {
  return {
    name: theme.name,
    description: theme.description ?? undefined,
    stages: theme.stages.map((s) => ({ ...s })),
    variants: theme.variants.map((v) => ({
      key: v.key,
      name: v.name,
      description: v.description,
      isDefault: v.rule === null,
      all: (v.rule?.all ?? []).map(toRow),
      any: (v.rule?.any ?? []).map(toRow),
      stageMap: theme.stages.map((s) => v.stageMap[String(s.no)] ?? s.no),
      stageNames: Object.entries(v.stageNames ?? {}).map(([no, name]) => ({ no: Number(no), name })),
      omitItems: v.omitItems,
      targetDays: v.targetDays ?? undefined,
    })),
  }
}

/** A form row back into a rule condition, typed by the theme field it tests. */
function toCondition(row: ConditionRow, fields: FormField[]): Condition {
  const field = row.field ?? ''
  const type = fields.find((f) => f.key === field)?.type
  const typed = (v: unknown): string | number | boolean => {
    if (type === 'boolean') return v === true || v === 'true'
    if (type === 'number' && v !== '' && v != null && Number.isFinite(Number(v))) return Number(v)
    return String(v ?? '')
  }
  const op = row.op ?? 'eq'
  if (op === 'in') {
    const list = Array.isArray(row.value) ? row.value : String(row.value ?? '').split(/[,，、]/)
    return { field, in: list.map((v) => typed(typeof v === 'string' ? v.trim() : v)) }
  }
  if (NUMERIC.includes(op)) return { field, [op]: Number(row.value) } as Condition
  return { field, [op]: typed(row.value) } as Condition
}

function toInput(v: FormValues, theme: ThemeDetail): ThemeInput {
  const blank = (s?: string) => (s?.trim() ? s.trim() : undefined)
  return {
    baseVersion: theme.version,
    name: v.name,
    description: blank(v.description),
    formFields: theme.formFields,
    stages: v.stages.map((s) => ({ ...s, itemCodes: s.itemCodes ?? [] })),
    variants: (v.variants ?? []).map(
      (row): ThemeVariant => ({
        key: row.key,
        name: row.name,
        description: blank(row.description),
        rule: row.isDefault
          ? null
          : {
              ...(row.all?.length ? { all: row.all.map((c) => toCondition(c, theme.formFields)) } : {}),
              ...(row.any?.length ? { any: row.any.map((c) => toCondition(c, theme.formFields)) } : {}),
            },
        stageMap: Object.fromEntries(v.stages.map((s, i) => [String(s.no), row.stageMap?.[i] ?? s.no])),
        ...(row.stageNames?.some((n) => n.no && n.name)
          ? {
              stageNames: Object.fromEntries(
                row.stageNames.filter((n) => n.no && n.name).map((n) => [String(n.no), n.name as string]),
              ),
            }
          : {}),
        omitItems: row.omitItems ?? [],
        targetDays: row.targetDays ?? null,
      }),
    ),
    changeNote: blank(v.changeNote),
  }
}

/** Server issue paths name the API shape (variants.0.rule.all.1.field); the form nests conditions differently. */
function toFormError(err: unknown): unknown {
  if (!(err instanceof ApiError) || !err.details?.issues) return err
  const issues = err.details.issues.map((i) => {
    const p = [...i.path]
    if (p[0] === 'variants' && p[2] === 'rule') {
      p.splice(2, 1, ...(p.length > 3 ? [] : ['isDefault']))
      // A whole condition (not one of its parts) is marked on its value box.
      if (typeof p[p.length - 1] === 'number') p.push('value')
    }
    if (p[0] === 'variants' && (p[2] === 'stageMap' || p[2] === 'stageNames')) p.length = 3
    return { ...i, path: p }
  })
  return new ApiError({
    status: err.status,
    code: err.code,
    message: err.message,
    details: { ...err.details, issues },
    requestId: err.requestId,
  })
}

function ConditionList({
  form,
  variant,
  part,
  fields,
}: {
  form: FormInstance<FormValues>
  variant: number
  part: 'all' | 'any'
  fields: FormField[]
}) {
  const { t } = useTranslation()
  return (
    <Form.List name={[variant, part]}>
      {(rows, { add, remove }) => (
        <Flex vertical gap={0}>
          {rows.map(({ key, name }) => (
            <Flex key={key} gap={8} align="baseline" wrap>
              <Form.Item name={[name, 'field']} rules={[{ required: true }]} style={{ width: 180 }}>
                <Select
                  aria-label={t('catalog.themeEdit.conditionField')}
                  placeholder={t('catalog.themeEdit.conditionField')}
                  options={fields.map((f) => ({ value: f.key, label: f.label }))}
                />
              </Form.Item>
              <Form.Item name={[name, 'op']} rules={[{ required: true }]} style={{ width: 110 }}>
                <Select
                  aria-label={t('catalog.themeEdit.conditionOperator')}
                  options={(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in'] as const).map((op) => ({
                    value: op,
                    label: labelOf('catalog.operators', op),
                  }))}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() => {
                  const row = form.getFieldValue(['variants', variant, part, name]) as ConditionRow | undefined
                  const field = fields.find((f) => f.key === row?.field)
                  const multiple = row?.op === 'in'
                  let input: React.ReactNode
                  const label = t('catalog.themeEdit.conditionValue')
                  if (field?.type === 'boolean')
                    input = (
                      <Select
                        aria-label={label}
                        mode={multiple ? 'multiple' : undefined}
                        options={[
                          { value: 'true', label: t('catalog.common.yes') },
                          { value: 'false', label: t('catalog.common.no') },
                        ]}
                      />
                    )
                  else if (field?.type === 'select')
                    input = (
                      <Select
                        aria-label={label}
                        mode={multiple ? 'multiple' : undefined}
                        options={field.options?.map((o) => ({ value: o.value, label: o.label }))}
                      />
                    )
                  else if (field?.type === 'number' && !multiple)
                    input = <InputNumber aria-label={label} style={{ width: '100%' }} suffix={field.unit} />
                  else
                    input = (
                      <Input aria-label={label} placeholder={multiple ? t('catalog.themeEdit.inHint') : undefined} />
                    )
                  return (
                    <Form.Item name={[name, 'value']} rules={[{ required: true }]} style={{ flex: 1, minWidth: 180 }}>
                      {input}
                    </Form.Item>
                  )
                }}
              </Form.Item>
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label={t('catalog.common.remove')}
                onClick={() => remove(name)}
              />
            </Flex>
          ))}
          <div>
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ op: 'eq' })}>
              {t('catalog.themeEdit.addCondition')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  )
}

function ThemeForm({ theme, onReload }: { theme: ThemeDetail; onReload: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [form] = Form.useForm<FormValues>()
  const [error, setError] = useState<unknown>(null)
  const items = useAllItems()
  const update = useUpdateTheme()
  const itemOptions = (items.data?.items ?? []).map((i) => ({ value: i.code, label: i.name }))
  // Search by code or name; the tags show the name only.
  const itemSearch = {
    filterOption: (input: string, option?: { value: string; label: string }) =>
      Boolean(option && `${option.value} ${option.label}`.toLowerCase().includes(input.trim().toLowerCase())),
  }
  const back = () => void navigate(`/catalog/themes?theme=${encodeURIComponent(theme.code)}`)
  const conflict = error instanceof ApiError && error.code === 'CATALOG_VERSION_CONFLICT'

  // The whole store, not only the mounted fields: stage numbers and merges have no input of their own.
  const onFinish = () => {
    const values = form.getFieldsValue(true) as FormValues
    setError(null)
    update.mutate(
      { code: theme.code, input: toInput(values, theme) },
      {
        onSuccess: (saved) => {
          void message.success(t('catalog.common.saved', { version: saved.version }))
          back()
        },
        onError: (err) => {
          applyFormErrors(form, toFormError(err))
          setError(err)
          window.scrollTo({ top: 0, behavior: 'smooth' })
        },
      },
    )
  }

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      scrollToFirstError={{ block: 'center' }}
      initialValues={toFormValues(theme)}
      onFinish={onFinish}
    >
      <Alert type="info" showIcon title={t('catalog.common.editHint')} style={{ marginBottom: 16 }} />
      {error ? (
        <ErrorDisplay
          error={error}
          title={conflict ? t('catalog.common.conflictTitle') : undefined}
          onRetry={conflict ? onReload : undefined}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <IssueList error={error} />
      <Card title={t('catalog.themeEdit.basics')} style={{ marginBottom: 16 }}>
        <Form.Item name="name" label={t('catalog.themeEdit.name')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('catalog.themeEdit.description')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Card>

      <Card title={t('catalog.themeEdit.stagesSection')} style={{ marginBottom: 16 }}>
        <Form.List name="stages">
          {(rows) =>
            rows.map(({ key, name }) => (
              <Row key={key} gutter={12}>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[name, 'name']}
                    label={`${t('catalog.stageShort', { no: name + 1 })} · ${t('catalog.themeEdit.stageName')}`}
                    rules={[{ required: true, max: 40 }]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={18}>
                  <Form.Item name={[name, 'itemCodes']} label={t('catalog.themeEdit.stageItems')}>
                    <Select mode="multiple" loading={items.isPending} options={itemOptions} showSearch={itemSearch} />
                  </Form.Item>
                </Col>
              </Row>
            ))
          }
        </Form.List>
      </Card>

      <Card title={t('catalog.themeEdit.variantsSection')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('catalog.themeEdit.variantsHint')}</Typography.Paragraph>
        <Form.List name="variants">
          {(rows, { add, remove, move }) => (
            <Flex vertical gap={16}>
              {rows.map(({ key, name }, index) => (
                <Card
                  key={key}
                  size="small"
                  type="inner"
                  title={
                    <Form.Item noStyle shouldUpdate>
                      {() => `${index + 1}. ${form.getFieldValue(['variants', name, 'name']) ?? ''}`}
                    </Form.Item>
                  }
                  extra={
                    <Space>
                      <Button
                        size="small"
                        icon={<ArrowUpOutlined />}
                        aria-label={t('catalog.themeEdit.moveUp')}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      />
                      <Button
                        size="small"
                        icon={<ArrowDownOutlined />}
                        aria-label={t('catalog.themeEdit.moveDown')}
                        disabled={index === rows.length - 1}
                        onClick={() => move(index, index + 1)}
                      />
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('catalog.common.remove')}
                        onClick={() => remove(name)}
                      />
                    </Space>
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[name, 'name']}
                        label={t('catalog.themeEdit.variantName')}
                        rules={[{ required: true, max: 40 }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[name, 'key']}
                        label={t('catalog.themeEdit.variantKey')}
                        rules={[{ required: true, pattern: /^[a-z][a-z0-9-]{1,40}$/ }]}
                      >
                        <Input placeholder="small-social" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[name, 'targetDays']} label={t('catalog.themeEdit.targetDays')}>
                        <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={24}>
                      <Form.Item
                        name={[name, 'description']}
                        label={t('catalog.themeEdit.variantDescription')}
                        rules={[{ max: 300 }]}
                      >
                        <Input.TextArea rows={2} />
                      </Form.Item>
                    </Col>
                    <Col span={24}>
                      <Form.Item name={[name, 'isDefault']} valuePropName="checked">
                        <Checkbox>{t('catalog.themeEdit.isDefault')}</Checkbox>
                      </Form.Item>
                    </Col>
                    <Form.Item noStyle shouldUpdate>
                      {() =>
                        form.getFieldValue(['variants', name, 'isDefault']) ? null : (
                          <>
                            <Col xs={24} lg={12}>
                              <Typography.Paragraph strong>{t('catalog.themeEdit.conditionsAll')}</Typography.Paragraph>
                              <ConditionList form={form} variant={name} part="all" fields={theme.formFields} />
                            </Col>
                            <Col xs={24} lg={12}>
                              <Typography.Paragraph strong>{t('catalog.themeEdit.conditionsAny')}</Typography.Paragraph>
                              <ConditionList form={form} variant={name} part="any" fields={theme.formFields} />
                            </Col>
                          </>
                        )
                      }
                    </Form.Item>
                    <Col span={24} style={{ marginTop: 12 }}>
                      <Typography.Paragraph strong>{t('catalog.themeEdit.stageMap')}</Typography.Paragraph>
                      <Form.Item name={[name, 'stageMap']} noStyle>
                        <StageMapInput stageNames={theme.stages.map((s) => s.name)} />
                      </Form.Item>
                    </Col>
                    <Col span={24} style={{ marginTop: 12 }}>
                      <Typography.Paragraph strong>{t('catalog.themeEdit.stageNames')}</Typography.Paragraph>
                      <Form.List name={[name, 'stageNames']}>
                        {(nameRows, ops) => (
                          <>
                            {nameRows.map((r) => (
                              <Flex key={r.key} gap={8} align="baseline">
                                <Form.Item name={[r.name, 'no']} rules={[{ required: true }]} style={{ width: 110 }}>
                                  <InputNumber min={1} max={20} precision={0} prefix="#" aria-label="no" />
                                </Form.Item>
                                <Form.Item
                                  name={[r.name, 'name']}
                                  rules={[{ required: true, max: 40 }]}
                                  style={{ flex: 1 }}
                                >
                                  <Input aria-label={t('catalog.themeEdit.stageName')} />
                                </Form.Item>
                                <Button
                                  type="text"
                                  icon={<MinusCircleOutlined />}
                                  aria-label={t('catalog.common.remove')}
                                  onClick={() => ops.remove(r.name)}
                                />
                              </Flex>
                            ))}
                            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => ops.add({})}>
                              {t('catalog.common.add')}
                            </Button>
                          </>
                        )}
                      </Form.List>
                    </Col>
                    <Col span={24} style={{ marginTop: 12 }}>
                      <Form.Item name={[name, 'omitItems']} label={t('catalog.themeEdit.omitItems')}>
                        <Select
                          mode="multiple"
                          options={itemOptions}
                          showSearch={itemSearch}
                          loading={items.isPending}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  add(
                    {
                      key: '',
                      name: '',
                      isDefault: false,
                      all: [{ op: 'eq' }],
                      any: [],
                      stageMap: theme.stages.map((s) => s.no),
                      stageNames: [],
                      omitItems: [],
                    },
                    0,
                  )
                }
              >
                {t('catalog.themeEdit.addVariant')}
              </Button>
            </Flex>
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

/** Theme stage → stage number in the variant, one small number box per theme stage. */
function StageMapInput({
  value,
  onChange,
  stageNames,
}: {
  value?: number[]
  onChange?: (next: number[]) => void
  stageNames: string[]
}) {
  return (
    <Flex gap={12} wrap>
      {stageNames.map((stageName, i) => (
        <Space key={stageName} size={4}>
          <Typography.Text>{stageName} →</Typography.Text>
          <InputNumber
            min={1}
            max={20}
            precision={0}
            prefix="#"
            aria-label={stageName}
            value={value?.[i]}
            onChange={(n) => {
              const next = [...(value ?? [])]
              next[i] = n ?? i + 1
              onChange?.(next)
            }}
            style={{ width: 80 }}
          />
        </Space>
      ))}
    </Flex>
  )
}

/** Admin form for a theme: stage names and items, variants with rules and stage merges; saves a new version. */
export default function ThemeEditPage() {
  const { t } = useTranslation()
  const { code = '' } = useParams()
  const theme = useTheme(code)
  return (
    <PageContainer
      title={t('catalog.themeEdit.title', { code })}
      description={
        theme.data ? `${theme.data.name} · ${t('catalog.common.version', { version: theme.data.version })}` : undefined
      }
    >
      {theme.isError ? (
        <ErrorDisplay error={theme.error} onRetry={() => void theme.refetch()} />
      ) : !theme.data ? (
        <PageLoading />
      ) : (
        <ThemeForm key={theme.data.version} theme={theme.data} onReload={() => void theme.refetch()} />
      )}
    </PageContainer>
  )
}

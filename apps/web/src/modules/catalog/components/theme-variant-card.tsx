import ArrowDownOutlined from '@ant-design/icons/ArrowDownOutlined'
import ArrowUpOutlined from '@ant-design/icons/ArrowUpOutlined'
import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import MinusCircleOutlined from '@ant-design/icons/MinusCircleOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import {
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
import { useTranslation } from 'react-i18next'
import { labelOf } from '../../../shared/labels'
import type { FormField, ThemeDetail } from '../api'
import type { ConditionRow, ThemeFormValues } from '../theme-form-model'

/** The item select of the editor: its options, the code-or-name search, and whether the list is loading. */
export interface ItemPicker {
  options: { value: string; label: string }[]
  search: { filterOption: (input: string, option?: { value: string; label: string }) => boolean }
  loading: boolean
}

/**
 * One variant of the theme editor: name, key and target, its rule (all / any conditions unless it is the
 * default), the stage map and renamed stages, and the items it omits. `name` is its index in the variants list.
 */
export function VariantCard({
  form,
  name,
  index,
  count,
  move,
  remove,
  theme,
  items,
}: {
  form: FormInstance<ThemeFormValues>
  name: number
  index: number
  count: number
  move: (from: number, to: number) => void
  remove: (index: number) => void
  theme: ThemeDetail
  items: ItemPicker
}) {
  const { t } = useTranslation()
  return (
    <Card
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
            disabled={index === count - 1}
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
                    <Form.Item name={[r.name, 'name']} rules={[{ required: true, max: 40 }]} style={{ flex: 1 }}>
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
            <Select mode="multiple" options={items.options} showSearch={items.search} loading={items.loading} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  )
}

function ConditionList({
  form,
  variant,
  part,
  fields,
}: {
  form: FormInstance<ThemeFormValues>
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

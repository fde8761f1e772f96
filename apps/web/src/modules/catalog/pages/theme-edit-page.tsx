import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { PageLoading } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import { ApiError } from '../../../shared/request'
import type { ThemeDetail } from '../api'
import { IssueList } from '../components/issue-list'
import { VariantCard } from '../components/theme-variant-card'
import { useAllItems, useTheme, useUpdateTheme } from '../hooks'
import { type ThemeFormValues, toFormError, toFormValues, toInput } from '../theme-form-model'

function ThemeForm({ theme, onReload }: { theme: ThemeDetail; onReload: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [form] = Form.useForm<ThemeFormValues>()
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
    const values = form.getFieldsValue(true) as ThemeFormValues
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
    <Form<ThemeFormValues>
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
                <VariantCard
                  key={key}
                  form={form}
                  name={name}
                  index={index}
                  count={rows.length}
                  move={move}
                  remove={remove}
                  theme={theme}
                  items={{ options: itemOptions, search: itemSearch, loading: items.isPending }}
                />
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

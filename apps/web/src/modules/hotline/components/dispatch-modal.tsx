import { Alert, Descriptions, Form, Input, Modal, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import type { Order, UnitRef } from '../api'
import { useCategories, useOrderAction, useSuggestion } from '../hooks'
import { CategoryCascader } from './category-cascader'
import { UnitSelect } from './unit-select'

interface Values {
  categoryId?: string
  unitId?: string
  coUnitIds?: string[]
  note?: string
}

/**
 * 派单: the main handling unit and co-handlers, prefilled from the routing rules (category × division); an order
 * without a category (public form) is classified here first, which updates the suggestion.
 */
export function DispatchModal({
  order,
  onClose,
  onDone,
}: {
  order: Pick<Order, 'id' | 'number' | 'title' | 'categoryId' | 'divisionCode' | 'divisionName' | 'address' | 'unit'>
  onClose: () => void
  onDone?: () => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const categories = useCategories()
  const categoryId = Form.useWatch('categoryId', form) ?? order.categoryId ?? undefined
  const unitId = Form.useWatch('unitId', form)
  const suggestion = useSuggestion(categoryId, order.divisionCode)
  const action = useOrderAction(order.id)
  const [error, setError] = useState<unknown>(null)
  const [touched, setTouched] = useState(false)

  // Prefill from the suggestion until the dispatcher picks a unit themselves.
  useEffect(() => {
    const s = suggestion.data
    if (!s || touched) return
    form.setFieldsValue({ unitId: s.unit?.id, coUnitIds: s.coUnits.map((u) => u.id) })
  }, [suggestion.data, touched, form])

  const extra: UnitRef[] = [
    ...(suggestion.data?.unit ? [suggestion.data.unit] : []),
    ...(suggestion.data?.coUnits ?? []),
  ]
  const submit = async () => {
    const values = await form.validateFields()
    setError(null)
    try {
      await action.mutateAsync({
        path: 'dispatch',
        body: {
          unitId: values.unitId ?? '',
          coUnitIds: values.coUnitIds ?? [],
          ...(values.categoryId && values.categoryId !== order.categoryId ? { categoryId: values.categoryId } : {}),
          ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        },
      })
      onClose()
      onDone?.()
    } catch (err) {
      if (!applyFormErrors(form, err)) setError(err)
    }
  }

  return (
    <Modal
      open
      title={t('hotline.actionNames.dispatch')}
      okText={t('hotline.dispatch.confirm')}
      cancelText={t('hotline.common.cancel')}
      confirmLoading={action.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'n', label: t('hotline.order.number'), children: order.number },
          { key: 't', label: t('hotline.order.title'), children: order.title },
          {
            key: 'a',
            label: t('hotline.order.location'),
            children: [order.divisionName, order.address].filter(Boolean).join(' · '),
          },
        ]}
      />
      {suggestion.data?.guidance ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('hotline.suggestion.guidanceTitle')}
          description={suggestion.data.guidance}
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ categoryId: order.categoryId ?? undefined, unitId: order.unit?.id }}
        onValuesChange={(changed) => {
          if ('unitId' in changed || 'coUnitIds' in changed) setTouched(true)
        }}
      >
        <Form.Item
          name="categoryId"
          label={t('hotline.intake.category')}
          rules={[{ required: true, message: t('hotline.intake.categoryRequired') }]}
        >
          <CategoryCascader tree={categories.data?.items} loading={categories.isPending} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('hotline.dispatch.unit')}
          rules={[{ required: true, message: t('hotline.dispatch.unitRequired') }]}
          extra={
            suggestion.data?.unit ? (
              <span data-testid="dispatch-suggested">
                {t('hotline.dispatch.suggested', { name: suggestion.data.unit.name })}
              </span>
            ) : suggestion.data ? (
              t('hotline.dispatch.noRule')
            ) : undefined
          }
        >
          <UnitSelect extra={extra} />
        </Form.Item>
        <Form.Item name="coUnitIds" label={t('hotline.dispatch.coUnits')}>
          <UnitSelect multiple extra={extra} exclude={unitId} />
        </Form.Item>
        <Form.Item name="note" label={t('hotline.dispatch.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
        {t('hotline.dispatch.help')}
      </Typography.Paragraph>
      <ErrorDisplay error={error} />
    </Modal>
  )
}

import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { App, Button, Card, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, ErrorDisplay, toErrorMessage } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import type { RoutingRule } from '../api'
import { CategoryCascader } from '../components/category-cascader'
import { DISTRICT_CODE, DivisionCascader } from '../components/division-cascader'
import { UnitSelect } from '../components/unit-select'
import { useCategories, useCreateRoutingRule, useDeleteRoutingRule, useRoutingRules, useTowns } from '../hooks'

interface Values {
  categoryId?: string
  divisionPrefix?: string
  unitId?: string
  coUnitIds?: string[]
  note?: string
}

function RuleModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const categories = useCategories()
  const create = useCreateRoutingRule()
  const [error, setError] = useState<unknown>(null)
  const unitId = Form.useWatch('unitId', form)
  const submit = async () => {
    const v = await form.validateFields()
    setError(null)
    try {
      await create.mutateAsync({
        categoryId: v.categoryId ?? null,
        divisionPrefix: v.divisionPrefix ?? DISTRICT_CODE,
        unitId: v.unitId ?? '',
        coUnitIds: v.coUnitIds ?? [],
        note: v.note?.trim() || null,
      })
      void message.success(t('hotline.rules.saved'))
      onClose()
    } catch (err) {
      if (!applyFormErrors(form, err)) setError(err)
    }
  }
  return (
    <Modal
      open
      title={t('hotline.rules.create')}
      okText={t('hotline.common.save')}
      cancelText={t('hotline.common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <Typography.Paragraph type="secondary">{t('hotline.rules.help')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ divisionPrefix: DISTRICT_CODE }}>
        <Form.Item name="categoryId" label={t('hotline.order.category')} extra={t('hotline.rules.anyCategoryHelp')}>
          <CategoryCascader
            tree={categories.data?.items}
            anyLevel
            loading={categories.isPending}
            placeholder={t('hotline.rules.anyCategory')}
          />
        </Form.Item>
        <Form.Item
          name="divisionPrefix"
          label={t('hotline.rules.division')}
          rules={[{ required: true, message: t('hotline.intake.divisionRequired') }]}
        >
          <DivisionCascader allowDistrict />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('hotline.dispatch.unit')}
          rules={[{ required: true, message: t('hotline.dispatch.unitRequired') }]}
        >
          <UnitSelect />
        </Form.Item>
        <Form.Item name="coUnitIds" label={t('hotline.dispatch.coUnits')}>
          <UnitSelect multiple exclude={unitId} />
        </Form.Item>
        <Form.Item name="note" label={t('hotline.rules.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      <ErrorDisplay error={error} />
    </Modal>
  )
}

/** 派单规则: category (subtree) × division (prefix) → main handling unit and co-handlers; the most specific wins. */
export default function RoutingRulesPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const rules = useRoutingRules()
  const remove = useDeleteRoutingRule()
  const [creating, setCreating] = useState(false)
  const towns = useTowns()
  const divisionNames = useMemo(() => new Map((towns.data?.items ?? []).map((d) => [d.code, d.name])), [towns.data])
  const divisionName = (code: string) =>
    code === DISTRICT_CODE
      ? t('hotline.division.whole')
      : (divisionNames.get(code) ??
        (divisionNames.get(code.slice(0, 9)) ? `${divisionNames.get(code.slice(0, 9))} · ${code}` : code))
  const rows = useMemo(
    () =>
      [...(rules.data?.items ?? [])].sort(
        (a, b) =>
          (a.categoryName ?? '').localeCompare(b.categoryName ?? '', 'zh') ||
          a.divisionPrefix.localeCompare(b.divisionPrefix),
      ),
    [rules.data],
  )
  return (
    <PageContainer
      title={t('hotline.rules.title')}
      description={t('hotline.rules.description')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('hotline.rules.create')}
        </Button>
      }
    >
      <Card>
        {rules.isError ? <ErrorDisplay error={rules.error} onRetry={() => void rules.refetch()} /> : null}
        <Table<RoutingRule>
          rowKey="id"
          dataSource={rows}
          loading={rules.isPending}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <EmptyState description={t('hotline.rules.empty')} /> }}
          columns={[
            {
              key: 'category',
              title: t('hotline.order.category'),
              render: (_, r) => r.categoryName ?? <Tag>{t('hotline.rules.anyCategory')}</Tag>,
            },
            {
              key: 'division',
              title: t('hotline.rules.division'),
              width: 200,
              render: (_, r) => divisionName(r.divisionPrefix),
            },
            {
              key: 'unit',
              title: t('hotline.dispatch.unit'),
              width: 180,
              render: (_, r) => <Tag color="blue">{r.unit.name}</Tag>,
            },
            {
              key: 'co',
              title: t('hotline.dispatch.coUnits'),
              width: 220,
              render: (_, r) => (r.coUnits.length ? r.coUnits.map((u) => <Tag key={u.id}>{u.name}</Tag>) : '—'),
            },
            { key: 'note', title: t('hotline.rules.note'), dataIndex: 'note', width: 200, render: (v) => v ?? '' },
            {
              key: 'ops',
              title: t('hotline.common.operations'),
              width: 90,
              render: (_, r) => (
                <Popconfirm
                  title={t('hotline.rules.deleteConfirm')}
                  okText={t('hotline.common.confirm')}
                  cancelText={t('hotline.common.cancel')}
                  onConfirm={() =>
                    remove.mutateAsync(r.id).then(
                      () => void message.success(t('hotline.rules.deleted')),
                      (err: unknown) => void message.error(toErrorMessage(err)),
                    )
                  }
                >
                  <Button size="small" danger>
                    {t('hotline.common.delete')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      {creating ? <RuleModal onClose={() => setCreating(false)} /> : null}
    </PageContainer>
  )
}

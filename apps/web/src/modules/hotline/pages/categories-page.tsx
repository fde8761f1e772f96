import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Switch, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAccess } from '../../../access'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import type { CategoryNode } from '../api'
import { useCategories, useSaveCategory } from '../hooks'

interface Values {
  code?: string
  name?: string
  guidance?: string
  sort?: number
  active?: boolean
}

type Editing = { mode: 'edit'; node: CategoryNode } | { mode: 'create'; parent: CategoryNode | null }

function CategoryModal({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const save = useSaveCategory()
  const [error, setError] = useState<unknown>(null)
  const node = editing.mode === 'edit' ? editing.node : null
  const parent = editing.mode === 'create' ? editing.parent : null
  const submit = async () => {
    const v = await form.validateFields()
    setError(null)
    try {
      if (node)
        await save.mutateAsync({
          id: node.id,
          input: { name: v.name, guidance: v.guidance?.trim() || null, sort: v.sort, active: v.active },
        })
      else
        await save.mutateAsync({
          input: {
            parentId: parent?.id ?? null,
            code: v.code ?? '',
            name: v.name ?? '',
            guidance: v.guidance?.trim() || null,
            sort: v.sort,
          },
        })
      void message.success(t('hotline.categories.saved'))
      onClose()
    } catch (err) {
      if (!applyFormErrors(form, err)) setError(err)
    }
  }
  return (
    <Modal
      open
      title={node ? t('hotline.categories.edit') : t('hotline.categories.create')}
      okText={t('hotline.common.save')}
      cancelText={t('hotline.common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {parent ? (
        <Typography.Paragraph type="secondary">
          {t('hotline.categories.under', { path: parent.pathName })}
        </Typography.Paragraph>
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          node
            ? { code: node.code, name: node.name, guidance: node.guidance ?? '', sort: node.sort, active: node.active }
            : { code: parent ? parent.code : '', sort: 0, active: true }
        }
      >
        <Form.Item
          name="code"
          label={t('hotline.categories.code')}
          extra={t('hotline.categories.codeHelp')}
          rules={[
            { required: true, message: t('hotline.categories.codeRequired') },
            { pattern: /^\d{2}(\d{2}){0,5}$/, message: t('hotline.categories.codeInvalid') },
          ]}
        >
          <Input disabled={Boolean(node)} maxLength={12} inputMode="numeric" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('hotline.categories.name')}
          rules={[{ required: true, whitespace: true, message: t('hotline.categories.nameRequired') }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="guidance"
          label={t('hotline.categories.guidance')}
          extra={t('hotline.categories.guidanceHelp')}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Flex gap={24}>
          <Form.Item name="sort" label={t('hotline.categories.sort')}>
            <InputNumber min={0} max={9999} />
          </Form.Item>
          {node ? (
            <Form.Item name="active" label={t('hotline.categories.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          ) : null}
        </Flex>
      </Form>
      <ErrorDisplay error={error} />
    </Modal>
  )
}

/** 诉求分类: the category tree (code, name, 非受理范围指引), editable by the centre. */
export default function CategoriesPage() {
  const { t } = useTranslation()
  const { can } = useAccess()
  const manage = can('hotline:manage')
  const categories = useCategories()
  const [editing, setEditing] = useState<Editing | null>(null)
  // antd's tree table treats an empty `children` array as expandable; leave it out on leaves.
  const strip = (nodes: CategoryNode[]): CategoryNode[] =>
    nodes.map((n) =>
      n.children.length ? { ...n, children: strip(n.children) } : ({ ...n, children: undefined } as never),
    )
  return (
    <PageContainer
      title={t('hotline.categories.title')}
      description={t('hotline.categories.description')}
      extra={
        manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create', parent: null })}>
            {t('hotline.categories.createRoot')}
          </Button>
        ) : null
      }
    >
      <Card>
        {categories.isError ? (
          <ErrorDisplay error={categories.error} onRetry={() => void categories.refetch()} />
        ) : null}
        <Table<CategoryNode>
          rowKey="id"
          dataSource={strip(categories.data?.items ?? [])}
          loading={categories.isPending}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <EmptyState description={t('hotline.categories.empty')} /> }}
          columns={[
            { key: 'name', title: t('hotline.categories.name'), dataIndex: 'name' },
            { key: 'code', title: t('hotline.categories.code'), dataIndex: 'code', width: 140 },
            {
              key: 'guidance',
              title: t('hotline.categories.guidance'),
              dataIndex: 'guidance',
              render: (v: string | null) =>
                v ? (
                  <Typography.Text type="warning" ellipsis style={{ maxWidth: 360 }} title={v}>
                    {v}
                  </Typography.Text>
                ) : null,
            },
            {
              key: 'active',
              title: t('hotline.categories.active'),
              dataIndex: 'active',
              width: 90,
              render: (v: boolean) =>
                v ? <Tag color="green">{t('hotline.common.on')}</Tag> : <Tag>{t('hotline.common.off')}</Tag>,
            },
            ...(manage
              ? [
                  {
                    key: 'ops',
                    title: t('hotline.common.operations'),
                    width: 170,
                    render: (_: unknown, n: CategoryNode) => (
                      <Flex gap={4}>
                        <Button size="small" onClick={() => setEditing({ mode: 'edit', node: n })}>
                          {t('hotline.common.edit')}
                        </Button>
                        {n.depth < 5 ? (
                          <Button size="small" onClick={() => setEditing({ mode: 'create', parent: n })}>
                            {t('hotline.categories.addChild')}
                          </Button>
                        ) : null}
                      </Flex>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing ? <CategoryModal editing={editing} onClose={() => setEditing(null)} /> : null}
    </PageContainer>
  )
}

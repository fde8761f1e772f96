import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { App, Button, Card, Drawer, Flex, Form, Input, Select, Switch, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAccess } from '../../../access'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import { serverPagination } from '../../../shared/pagination'
import { useListParams } from '../../../shared/use-list-params'
import { formatDateTime } from '../../workflow/format'
import type { KbArticle, SaveKbArticle } from '../api'
import { CategoryCascader } from '../components/category-cascader'
import { useCategories, useKbSearch, useSaveKbArticle } from '../hooks'

const FILTERS = ['q'] as const

function ArticleDrawer({ article, onClose }: { article: KbArticle | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<SaveKbArticle>()
  const categories = useCategories()
  const save = useSaveKbArticle()
  const [error, setError] = useState<unknown>(null)
  const submit = async () => {
    const v = await form.validateFields()
    setError(null)
    try {
      await save.mutateAsync({
        id: article?.id,
        input: { ...v, categoryId: v.categoryId ?? null, keywords: v.keywords ?? [] },
      })
      void message.success(t('hotline.kb.saved'))
      onClose()
    } catch (err) {
      if (!applyFormErrors(form, err)) setError(err)
    }
  }
  return (
    <Drawer
      open
      size={560}
      title={article ? t('hotline.kb.edit') : t('hotline.kb.create')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => void submit().catch(() => undefined)}>
          {t('hotline.common.save')}
        </Button>
      }
    >
      <Form<SaveKbArticle>
        form={form}
        layout="vertical"
        initialValues={
          article
            ? {
                title: article.title,
                content: article.content,
                keywords: article.keywords,
                categoryId: article.categoryId,
                active: article.active,
              }
            : { keywords: [], active: true }
        }
      >
        <Form.Item
          name="title"
          label={t('hotline.kb.articleTitle')}
          rules={[{ required: true, whitespace: true, message: t('hotline.kb.titleRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('hotline.kb.content')}
          rules={[{ required: true, whitespace: true, message: t('hotline.kb.contentRequired') }]}
        >
          <Input.TextArea rows={10} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="keywords" label={t('hotline.kb.keywords')} extra={t('hotline.kb.keywordsHelp')}>
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('hotline.order.category')}>
          <CategoryCascader tree={categories.data?.items} anyLevel loading={categories.isPending} />
        </Form.Item>
        <Form.Item name="active" label={t('hotline.kb.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      <ErrorDisplay error={error} />
    </Drawer>
  )
}

/** 知识库: search the answers operators read to callers; the centre adds and edits them. */
export default function KbPage() {
  const { t } = useTranslation()
  const { can } = useAccess()
  const manage = can('hotline:manage')
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS)
  const query = useKbSearch(filters.q ?? '', page, pageSize)
  const [editing, setEditing] = useState<KbArticle | null | 'new'>(null)

  return (
    <PageContainer
      title={t('hotline.kb.title')}
      description={t('hotline.kb.description')}
      extra={
        manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('hotline.kb.create')}
          </Button>
        ) : null
      }
    >
      <Card>
        <Input.Search
          allowClear
          defaultValue={filters.q}
          aria-label={t('hotline.kb.search')}
          placeholder={t('hotline.kb.search')}
          onSearch={(v) => setFilters({ q: v.trim() || undefined })}
          style={{ maxWidth: 420, marginBottom: 16 }}
        />
        {query.isError ? <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} /> : null}
        <Table<KbArticle>
          rowKey="id"
          dataSource={query.data?.items}
          loading={query.isFetching}
          pagination={serverPagination({ page, pageSize, total: query.data?.total, onChange: setPage })}
          onRow={(a) => (manage ? { onClick: () => setEditing(a), style: { cursor: 'pointer' } } : {})}
          expandable={{
            expandedRowRender: (a) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.content}</Typography.Paragraph>
            ),
          }}
          columns={[
            { key: 'title', title: t('hotline.kb.articleTitle'), dataIndex: 'title' },
            {
              key: 'category',
              title: t('hotline.order.category'),
              dataIndex: 'categoryName',
              width: 180,
              render: (v: string | null) => v ?? '—',
            },
            {
              key: 'keywords',
              title: t('hotline.kb.keywords'),
              dataIndex: 'keywords',
              width: 260,
              render: (ks: string[]) => (
                <Flex gap={4} wrap>
                  {ks.map((k) => (
                    <Tag key={k} style={{ marginInlineEnd: 0 }}>
                      {k}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            {
              key: 'active',
              title: t('hotline.kb.active'),
              dataIndex: 'active',
              width: 90,
              render: (v: boolean) =>
                v ? <Tag color="green">{t('hotline.common.on')}</Tag> : <Tag>{t('hotline.common.off')}</Tag>,
            },
            {
              key: 'updated',
              title: t('hotline.kb.updated'),
              dataIndex: 'updatedAt',
              width: 150,
              render: (v: string) => formatDateTime(v),
            },
          ]}
          locale={{
            emptyText: <EmptyState description={filters.q ? t('hotline.kb.noHits') : t('hotline.kb.empty')} />,
          }}
          scroll={{ x: 900 }}
        />
      </Card>
      {editing ? <ArticleDrawer article={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </PageContainer>
  )
}

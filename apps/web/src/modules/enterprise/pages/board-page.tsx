import PlusOutlined from '@ant-design/icons/PlusOutlined'
import {
  App,
  Button,
  Card,
  Cascader,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Row,
  Segmented,
  Select,
  Tabs,
  Tag,
  Typography,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { serverPagination } from '../../../shared/pagination'
import { useListParams } from '../../../shared/use-list-params'
import { MUPING_TOWNS } from '../../approval/towns'
import { formatDate, formatDateTime } from '../../workflow/format'
import {
  type Contact,
  LISTING_CATEGORY_LIST,
  LISTING_KIND_LIST,
  type Listing,
  type ListingCategory,
  type ListingKind,
} from '../api'
import {
  useCloseListing,
  useContactListing,
  useContacts,
  useCreateListing,
  useIndustries,
  useListingMatches,
  useListings,
  useReplyContact,
} from '../hooks'

const FILTERS = ['q', 'kind', 'category', 'mine'] as const

/**
 * 供需对接: needs and offers of enterprises; publish one, see matching suggestions for your own, and contact the
 * other side through the platform (no phone or e-mail is shown).
 */
export default function BoardPage() {
  const { t } = useTranslation()
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS)
  const [tab, setTab] = useState<'listings' | 'contacts'>('listings')
  const [publishing, setPublishing] = useState(false)
  const [contacting, setContacting] = useState<Listing | null>(null)
  const [matchesOf, setMatchesOf] = useState<Listing | null>(null)
  const list = useListings({
    page,
    pageSize,
    q: filters.q,
    kind: filters.kind as ListingKind | undefined,
    category: filters.category as ListingCategory | undefined,
    mine: filters.mine === 'true' ? 'true' : undefined,
  })
  const close = useCloseListing()

  return (
    <PageContainer
      title={t('enterprise.board.title')}
      description={t('enterprise.board.description')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)}>
          {t('enterprise.board.publish')}
        </Button>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'listings' | 'contacts')}
        items={[
          {
            key: 'listings',
            label: t('enterprise.board.title'),
            children: (
              <>
                <Card style={{ marginBottom: 16 }}>
                  <Flex gap={12} wrap>
                    <Input.Search
                      allowClear
                      defaultValue={filters.q}
                      placeholder={t('enterprise.board.search')}
                      aria-label={t('enterprise.board.search')}
                      style={{ width: 260 }}
                      onSearch={(q) => setFilters({ q: q.trim() || undefined })}
                    />
                    <Select
                      allowClear
                      value={filters.kind}
                      placeholder={t('enterprise.board.kind')}
                      aria-label={t('enterprise.board.kind')}
                      style={{ width: 120 }}
                      options={LISTING_KIND_LIST.map((k) => ({
                        value: k,
                        label: labelOf('enterprise.listingKind', k),
                      }))}
                      onChange={(kind) => setFilters({ kind })}
                    />
                    <Select
                      allowClear
                      value={filters.category}
                      placeholder={t('enterprise.board.category')}
                      aria-label={t('enterprise.board.category')}
                      style={{ width: 120 }}
                      options={LISTING_CATEGORY_LIST.map((c) => ({
                        value: c,
                        label: labelOf('enterprise.listingCategory', c),
                      }))}
                      onChange={(category) => setFilters({ category })}
                    />
                    <Segmented
                      value={filters.mine === 'true' ? 'mine' : 'all'}
                      onChange={(v) => setFilters({ mine: v === 'mine' ? 'true' : undefined })}
                      options={[
                        { value: 'all', label: t('enterprise.board.all') },
                        { value: 'mine', label: t('enterprise.board.mine') },
                      ]}
                    />
                  </Flex>
                </Card>
                {list.isError ? (
                  <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} style={{ marginBottom: 16 }} />
                ) : null}
                <Card>
                  <List<Listing>
                    loading={list.isPending}
                    dataSource={list.data?.items ?? []}
                    pagination={serverPagination({ page, pageSize, total: list.data?.total, onChange: setPage })}
                    locale={{
                      emptyText: list.isPending ? ' ' : <EmptyState description={t('enterprise.board.empty')} />,
                    }}
                    data-testid="listings"
                    renderItem={(l) => (
                      <List.Item
                        key={l.id}
                        data-testid="listing"
                        actions={
                          l.mine
                            ? [
                                <Button key="m" size="small" onClick={() => setMatchesOf(l)}>
                                  {t('enterprise.board.matches')}
                                </Button>,
                                l.status === 'open' ? (
                                  <Button key="c" size="small" onClick={() => close.mutate(l.id)}>
                                    {t('enterprise.board.close')}
                                  </Button>
                                ) : (
                                  <Tag key="c">{t('enterprise.board.closed')}</Tag>
                                ),
                              ]
                            : [
                                <Button key="c" size="small" type="primary" ghost onClick={() => setContacting(l)}>
                                  {t('enterprise.board.contact')}
                                </Button>,
                              ]
                        }
                      >
                        <ListingSummary listing={l} />
                      </List.Item>
                    )}
                  />
                </Card>
              </>
            ),
          },
          {
            key: 'contacts',
            label: t('enterprise.board.contacts'),
            children: <Contacts />,
          },
        ]}
      />
      <PublishDialog open={publishing} onClose={() => setPublishing(false)} />
      <ContactDialog listing={contacting} onClose={() => setContacting(null)} />
      <MatchesDrawer listing={matchesOf} onClose={() => setMatchesOf(null)} onContact={setContacting} />
    </PageContainer>
  )
}

function ListingSummary({ listing: l, extra }: { listing: Listing; extra?: React.ReactNode }) {
  const { t } = useTranslation()
  return (
    <Flex vertical gap={4} style={{ minWidth: 0 }}>
      <Flex gap={6} align="center" wrap>
        <Tag color={l.kind === 'need' ? 'orange' : 'green'} style={{ marginInlineEnd: 0 }}>
          {labelOf('enterprise.listingKind', l.kind)}
        </Tag>
        <Tag style={{ marginInlineEnd: 0 }}>{labelOf('enterprise.listingCategory', l.category)}</Tag>
        <Typography.Text strong>{l.title}</Typography.Text>
        {extra}
      </Flex>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
        {l.description}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {l.enterpriseName} · {l.industryName ?? l.industryCode} · {l.regionName ?? l.regionCode}
        {l.quantity ? ` · ${l.quantity}` : ''} · {t('enterprise.board.validUntil')} {formatDate(l.validUntil)}
      </Typography.Text>
    </Flex>
  )
}

interface ListingValues {
  kind: ListingKind
  category: ListingCategory
  title: string
  description: string
  industry: string[]
  quantity?: string
  regionCode: string
  validUntil: Dayjs
}

function PublishDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<ListingValues>()
  const create = useCreateListing()
  const industries = useIndustries()
  const industryOptions = useMemo(
    () =>
      (industries.data?.items ?? []).map((s) => ({
        value: s.code,
        label: `${s.code} ${s.name}`,
        children: s.divisions.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` })),
      })),
    [industries.data],
  )
  const submit = (v: ListingValues) =>
    create.mutate(
      {
        kind: v.kind,
        category: v.category,
        title: v.title.trim(),
        description: v.description.trim(),
        industryCode: v.industry[v.industry.length - 1] ?? '',
        quantity: v.quantity?.trim() || null,
        regionCode: v.regionCode,
        validUntil: v.validUntil.format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          void message.success(t('enterprise.board.published'))
          form.resetFields()
          onClose()
        },
        onError: (err) => void applyFormErrors(form, err),
      },
    )
  return (
    <Modal
      open={open}
      title={t('enterprise.board.publishTitle')}
      okText={t('enterprise.board.publish')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<ListingValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'need', category: 'product', regionCode: '370612', validUntil: dayjs().add(3, 'month') }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label={t('enterprise.board.kind')} rules={[{ required: true }]}>
              <Segmented
                options={LISTING_KIND_LIST.map((k) => ({ value: k, label: labelOf('enterprise.listingKind', k) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="category" label={t('enterprise.board.category')} rules={[{ required: true }]}>
              <Segmented
                options={LISTING_CATEGORY_LIST.map((c) => ({
                  value: c,
                  label: labelOf('enterprise.listingCategory', c),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('enterprise.board.titleField')} rules={[{ required: true, min: 4 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('enterprise.board.descriptionField')}
          rules={[{ required: true, min: 5 }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="industry" label={t('enterprise.board.industry')} rules={[{ required: true }]}>
              <Cascader options={industryOptions} showSearch />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="quantity" label={t('enterprise.board.quantity')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="regionCode" label={t('enterprise.board.region')} rules={[{ required: true }]}>
              <Select
                options={[
                  { value: '370612', label: t('common.districtName') },
                  ...MUPING_TOWNS.map((d) => ({ value: d.code, label: d.name })),
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="validUntil" label={t('enterprise.board.validUntil')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {create.isError && !(create.error as { details?: { issues?: unknown[] } }).details?.issues ? (
        <ErrorDisplay error={create.error} />
      ) : null}
    </Modal>
  )
}

function ContactDialog({ listing, onClose }: { listing: Listing | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ message: string }>()
  const contact = useContactListing()
  return (
    <Modal
      open={Boolean(listing)}
      title={listing ? t('enterprise.board.contactTitle', { title: listing.title }) : ''}
      okText={t('enterprise.board.contact')}
      confirmLoading={contact.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {listing ? <ListingSummary listing={listing} /> : null}
      <Form
        form={form}
        layout="vertical"
        style={{ marginTop: 12 }}
        onFinish={(v) =>
          listing &&
          contact.mutate(
            { id: listing.id, message: v.message.trim() },
            {
              onSuccess: () => {
                void message.success(t('enterprise.board.sent'))
                form.resetFields()
                onClose()
              },
              onError: (err) => void applyFormErrors(form, err),
            },
          )
        }
      >
        <Form.Item
          name="message"
          label={t('enterprise.board.message')}
          rules={[{ required: true, min: 5, whitespace: true, message: t('enterprise.board.messageRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('enterprise.board.messagePlaceholder')} />
        </Form.Item>
      </Form>
      {contact.isError ? <ErrorDisplay error={contact.error} /> : null}
    </Modal>
  )
}

function MatchesDrawer({
  listing,
  onClose,
  onContact,
}: {
  listing: Listing | null
  onClose: () => void
  onContact: (l: Listing) => void
}) {
  const { t } = useTranslation()
  const matches = useListingMatches(listing?.id)
  return (
    <Drawer
      open={Boolean(listing)}
      onClose={onClose}
      size={560}
      title={listing ? t('enterprise.board.matchesTitle', { title: listing.title }) : ''}
      destroyOnHidden
    >
      {matches.isError ? <ErrorDisplay error={matches.error} onRetry={() => void matches.refetch()} /> : null}
      <List
        loading={matches.isPending}
        dataSource={matches.data?.items ?? []}
        locale={{ emptyText: <EmptyState description={t('enterprise.board.matchesEmpty')} /> }}
        renderItem={(m) => (
          <List.Item
            key={m.id}
            data-testid="listing-match"
            actions={[
              <Button key="c" size="small" type="primary" ghost onClick={() => onContact(m)}>
                {t('enterprise.board.contact')}
              </Button>,
            ]}
          >
            <Flex vertical gap={4}>
              <ListingSummary
                listing={m}
                extra={<Tag color="purple">{t('enterprise.board.score', { score: m.score })}</Tag>}
              />
              <Flex gap={4} wrap>
                {m.reasons.map((r) => (
                  <Tag key={r} color="blue" style={{ marginInlineEnd: 0 }}>
                    {r}
                  </Tag>
                ))}
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Drawer>
  )
}

function Contacts() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [page, setPage] = useState(1)
  const contacts = useContacts({ page, pageSize: 20 })
  const reply = useReplyContact()
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  if (contacts.isError) return <ErrorDisplay error={contacts.error} onRetry={() => void contacts.refetch()} />
  return (
    <Card>
      <List<Contact>
        loading={contacts.isPending}
        dataSource={contacts.data?.items ?? []}
        pagination={serverPagination({ page, pageSize: 20, total: contacts.data?.total, onChange: (p) => setPage(p) })}
        locale={{
          emptyText: contacts.isPending ? ' ' : <EmptyState description={t('enterprise.board.contactsEmpty')} />,
        }}
        renderItem={(c) => (
          <List.Item key={c.id} style={{ display: 'block' }} data-testid="contact">
            <Flex gap={6} align="center" wrap>
              <Tag color={c.direction === 'sent' ? 'blue' : 'green'}>
                {c.direction === 'sent' ? t('enterprise.board.sentDirection') : t('enterprise.board.receivedDirection')}
              </Tag>
              <Typography.Text strong>{c.listingTitle}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.direction === 'sent' ? c.toEnterpriseName : c.fromEnterpriseName} · {formatDateTime(c.createdAt)}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: '6px 0', whiteSpace: 'pre-wrap' }}>{c.message}</Typography.Paragraph>
            {c.replies.map((r) => (
              <div
                key={`${r.at}-${r.fromEnterpriseName}`}
                style={{ paddingLeft: 16, borderLeft: '2px solid #d9d9d9', marginBottom: 4 }}
              >
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.fromEnterpriseName} · {formatDateTime(r.at)}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{r.message}</div>
              </div>
            ))}
            <Flex gap={8} style={{ marginTop: 6 }}>
              <Input
                size="small"
                value={drafts[c.id] ?? ''}
                aria-label={t('enterprise.board.reply')}
                placeholder={t('enterprise.board.reply')}
                onChange={(e) => setDrafts((d) => ({ ...d, [c.id]: e.target.value }))}
                maxLength={1000}
              />
              <Button
                size="small"
                disabled={!drafts[c.id]?.trim()}
                loading={reply.isPending && reply.variables?.id === c.id}
                onClick={() =>
                  reply.mutate(
                    { id: c.id, message: (drafts[c.id] ?? '').trim() },
                    {
                      onSuccess: () => {
                        void message.success(t('enterprise.board.replied'))
                        setDrafts((d) => ({ ...d, [c.id]: '' }))
                      },
                      onError: (err) => void message.error(err.message),
                    },
                  )
                }
              >
                {t('enterprise.board.reply')}
              </Button>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  )
}

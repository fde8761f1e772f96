import {
  App,
  Button,
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
  Tag,
  Typography,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { MUPING_TOWNS } from '../../approval/towns'
import { formatDate } from '../../workflow/format'
import { LISTING_CATEGORY_LIST, LISTING_KIND_LIST, type Listing, type ListingCategory, type ListingKind } from '../api'
import { useContactListing, useCreateListing, useIndustries, useListingMatches } from '../hooks'

/** One listing in a line or two: kind, category, title, description and who offers it where until when. */
export function ListingSummary({ listing: l, extra }: { listing: Listing; extra?: React.ReactNode }) {
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

/** 发布供需: a new need or offer of the caller's enterprise. */
export function PublishDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
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

/** 联系对方: a message to the publisher of a listing, sent through the platform. */
export function ContactDialog({ listing, onClose }: { listing: Listing | null; onClose: () => void }) {
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

/** The listings that match one of the caller's own, with the score and the reasons. */
export function MatchesDrawer({
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

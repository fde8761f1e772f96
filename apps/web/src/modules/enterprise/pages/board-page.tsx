import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { Button, Card, Flex, Input, List, Segmented, Select, Tabs, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { serverPagination } from '../../../shared/pagination'
import { useListParams } from '../../../shared/use-list-params'
import { LISTING_CATEGORY_LIST, LISTING_KIND_LIST, type Listing, type ListingCategory, type ListingKind } from '../api'
import { Contacts } from '../components/board-contacts'
import { ContactDialog, ListingSummary, MatchesDrawer, PublishDialog } from '../components/board-dialogs'
import { useCloseListing, useListings } from '../hooks'

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

import { Card, Flex, Input, List, Select, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useAccess } from '../../../access'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { serverPagination } from '../../../shared/pagination'
import { useListParams } from '../../../shared/use-list-params'
import { formatDate } from '../../workflow/format'
import { POLICY_LEVEL_LIST, type PolicyLevel, type PolicyStatus, type PolicySummary } from '../api'
import { PolicyLevelTag, PolicyStatusTag } from '../components/tags'
import { useDepartmentOptions, usePolicies } from '../hooks'
import '../policy.css'

const FILTERS = ['q', 'level', 'departmentId', 'validity'] as const

/** 政策库: published policies for every logged-in user, filtered by level, department and validity. */
export default function LibraryPage() {
  const { t } = useTranslation()
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS)
  const { can } = useAccess()
  const departments = useDepartmentOptions(can('directory:read'))
  const status: PolicyStatus | undefined =
    filters.validity === 'valid' ? 'published' : filters.validity === 'expired' ? 'expired' : undefined
  const list = usePolicies(
    {
      page,
      pageSize,
      q: filters.q,
      level: filters.level as PolicyLevel | undefined,
      departmentId: filters.departmentId,
      status,
    },
    false,
  )

  return (
    <PageContainer title={t('policy.library.title')} description={t('policy.library.description')}>
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <Input.Search
            allowClear
            defaultValue={filters.q}
            placeholder={t('policy.library.search')}
            aria-label={t('policy.fields.q')}
            style={{ width: 280 }}
            onSearch={(q) => setFilters({ q: q.trim() || undefined })}
          />
          <Select
            allowClear
            value={filters.level}
            placeholder={t('policy.fields.level')}
            aria-label={t('policy.fields.level')}
            style={{ width: 140 }}
            options={POLICY_LEVEL_LIST.map((l) => ({ value: l, label: labelOf('policy.level', l) }))}
            onChange={(level) => setFilters({ level })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={filters.departmentId}
            placeholder={t('policy.fields.department')}
            aria-label={t('policy.fields.department')}
            style={{ width: 220 }}
            loading={departments.isPending}
            options={departments.options.map((d) => ({ value: d.id, label: d.name }))}
            onChange={(departmentId) => setFilters({ departmentId })}
          />
          <Select
            value={filters.validity ?? 'all'}
            aria-label={t('policy.library.validity')}
            style={{ width: 140 }}
            options={(['all', 'valid', 'expired'] as const).map((v) => ({
              value: v,
              label: t(`policy.library.validity${v === 'all' ? 'All' : v === 'valid' ? 'Valid' : 'Expired'}`),
            }))}
            onChange={(v) => setFilters({ validity: v === 'all' ? undefined : v })}
          />
        </Flex>
      </Card>
      {list.isError ? (
        <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} style={{ marginBottom: 16 }} />
      ) : null}
      <Card>
        <List<PolicySummary>
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: list.isPending ? ' ' : <EmptyState description={t('policy.library.empty')} /> }}
          pagination={serverPagination({ page, pageSize, total: list.data?.total, onChange: setPage })}
          renderItem={(p) => <PolicyListItem policy={p} />}
          data-testid="policy-list"
        />
      </Card>
    </PageContainer>
  )
}

export function PolicyListItem({ policy: p }: { policy: PolicySummary }) {
  const { t } = useTranslation()
  return (
    <List.Item key={p.id} style={{ display: 'block' }} data-testid="policy-item">
      <Flex gap={8} align="center" wrap style={{ marginBottom: 4 }}>
        <PolicyLevelTag level={p.level} />
        {p.status !== 'published' ? <PolicyStatusTag status={p.status} /> : null}
        {p.hasRule ? <Tag color="cyan">{t('policy.library.pushed')}</Tag> : null}
        <Link to={`/policy/library/${p.id}`} style={{ fontSize: 16, fontWeight: 500 }}>
          {p.title}
        </Link>
      </Flex>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
        {p.benefitSummary}
      </Typography.Paragraph>
      <Space size={16} wrap style={{ fontSize: 12, color: '#8c8c8c' }}>
        <span>{p.departmentName}</span>
        {p.docNumber ? <span>{p.docNumber}</span> : null}
        <span>
          {formatDate(p.validFrom)} ~ {p.validTo ? formatDate(p.validTo) : t('policy.library.longTerm')}
        </span>
        {p.faqCount ? (
          <span>
            {t('policy.fields.faqCount')} {p.faqCount}
          </span>
        ) : null}
      </Space>
    </List.Item>
  )
}

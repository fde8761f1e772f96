import { App, Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useAccess } from '../../../access'
import { ErrorDisplay, toErrorMessage } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { labelOf, roleName } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { serverPagination } from '../../../shared/pagination'
import { useListParams } from '../../../shared/use-list-params'
import type { Staff, StaffStatus } from '../api'
import { ListToolbar } from '../components/list-toolbar'
import { useStaff, useUnlockStaff } from '../hooks'

const FILTERS = ['q'] as const
const STATUS_COLORS: Record<StaffStatus, string> = { active: 'green', locked: 'gold', disabled: 'default' }

export default function StaffListPage() {
  const { t } = useTranslation()
  const { page, pageSize, filters, setFilters, setPage } = useListParams(FILTERS)
  const query = useStaff({ page, pageSize, q: filters.q })
  const { can } = useAccess()
  const { message } = App.useApp()
  const unlock = useUnlockStaff()
  const canManage = can('staff:manage')

  const onUnlock = (row: Staff) =>
    unlock.mutate(row.id, {
      onSuccess: () => void message.success(t('directory.staff.unlocked', { name: row.displayName })),
      onError: (err) => void message.error(toErrorMessage(err)),
    })

  const columns: TableColumnsType<Staff> = [
    { key: 'username', title: t('directory.staff.username'), dataIndex: 'username', width: 160 },
    { key: 'displayName', title: t('directory.staff.name'), dataIndex: 'displayName', width: 140 },
    {
      key: 'mobile',
      title: t('directory.staff.mobile'),
      dataIndex: 'mobileMasked',
      width: 150,
      render: (mobile: string | null) => mobile || t('common.states.none'),
    },
    {
      key: 'posts',
      title: t('directory.staff.posts'),
      render: (_, row) =>
        row.posts.length === 0 ? (
          <Typography.Text type="secondary">{t('directory.staff.noPosts')}</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {row.posts.map((post) => (
              <Tag key={post.id} color="blue">
                {[roleName(post.role), post.scopeDivisionName, post.departmentName].filter(Boolean).join(' · ')}
              </Tag>
            ))}
          </Space>
        ),
    },
    {
      key: 'status',
      title: t('directory.staff.status'),
      dataIndex: 'status',
      width: 140,
      render: (status: StaffStatus, row) => {
        const tag = <Tag color={STATUS_COLORS[status] ?? 'default'}>{labelOf('directory.staffStatus', status)}</Tag>
        if (!row.lockedUntil) return tag
        return (
          <Space orientation="vertical" size={0}>
            {tag}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('directory.staff.lockedUntil', { time: dayjs(row.lockedUntil).format('MM-DD HH:mm') })}
            </Typography.Text>
          </Space>
        )
      },
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('directory.staff.actions'),
            width: 100,
            render: (_: unknown, row: Staff) =>
              row.status === 'locked' ? (
                <Button
                  size="small"
                  onClick={() => onUnlock(row)}
                  loading={unlock.isPending && unlock.variables === row.id}
                  aria-label={t('directory.staff.unlockLabel', { name: row.displayName })}
                >
                  {t('directory.staff.unlock')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ]

  return (
    <PageContainer title={t('directory.staff.title')} description={t('directory.staff.description')}>
      <Card>
        <ListToolbar
          q={filters.q}
          onSearch={(q) => setFilters({ q })}
          placeholder={t('directory.staff.searchPlaceholder')}
          label={t('directory.staff.searchLabel')}
        />
        {query.isError ? (
          <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Staff>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          scroll={{ x: 860 }}
          locale={{ emptyText: query.isPending ? ' ' : <EmptyState description={t('directory.staff.empty')} /> }}
          pagination={serverPagination({ page, pageSize, total: query.data?.total, onChange: setPage })}
        />
      </Card>
    </PageContainer>
  )
}

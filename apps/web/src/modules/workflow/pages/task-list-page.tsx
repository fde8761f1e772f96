import { Card, Flex, Input, Select, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { ExportButton } from '../../../shared/export-button'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { useListParams } from '../../../shared/use-list-params'
import { exportTasks, type SlaStatus, type WorklistItem } from '../api'
import { SlaTag } from '../components/sla-tag'
import { formatDateTime } from '../format'
import { useTasks } from '../hooks'
import { subjectLink } from '../links'

const FILTERS = ['q', 'sla', 'type'] as const
const SLAS: SlaStatus[] = ['overdue', 'warning', 'on_track', 'paused']
const TYPE_COLORS: Record<string, string> = { approval_case: 'blue', rating: 'magenta' }

/** Where a task is worked on: its module's page for a module-owned subject, else the generic process page. */
export function taskLink(task: Pick<WorklistItem, 'subjectType' | 'subjectId' | 'rootId'>): string {
  return (
    subjectLink({ type: task.subjectType, id: task.subjectId }) ??
    `/workflow/instances/${encodeURIComponent(task.rootId)}`
  )
}

function byDeadline(a: WorklistItem, b: WorklistItem): number {
  if (a.dueAt === b.dueAt) return a.createdAt.localeCompare(b.createdAt)
  if (!a.dueAt) return 1
  if (!b.dueAt) return -1
  return a.dueAt.localeCompare(b.dueAt)
}

/** 我的待办: every open task of the caller, soonest deadline first, with yellow/red cards. */
export default function TaskListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { filters, setFilters } = useListParams(FILTERS)
  const query = useTasks()

  const all = query.data?.items
  const rows = useMemo(() => {
    const q = filters.q?.toLowerCase()
    return (all ?? [])
      .filter((task) => !filters.sla || task.sla === filters.sla)
      .filter((task) => !filters.type || task.subjectType === filters.type)
      .filter(
        (task) =>
          !q || [task.title, task.branchName ?? '', task.taskName].some((text) => text.toLowerCase().includes(q)),
      )
      .sort(byDeadline)
  }, [all, filters])
  const types = useMemo(() => [...new Set((all ?? []).map((task) => task.subjectType))], [all])

  const columns: TableColumnsType<WorklistItem> = [
    {
      key: 'title',
      title: t('workflow.tasks.subject'),
      render: (_, task) => (
        <Link to={taskLink(task)} onClick={(e) => e.stopPropagation()}>
          {task.title}
        </Link>
      ),
    },
    {
      key: 'step',
      title: t('workflow.tasks.step'),
      width: 220,
      render: (_, task) => (
        <span>
          {task.branchName ? <Typography.Text type="secondary">{task.branchName} · </Typography.Text> : null}
          {task.taskName}
        </span>
      ),
    },
    {
      key: 'type',
      title: t('workflow.tasks.type'),
      dataIndex: 'subjectType',
      width: 120,
      render: (type: string) => (
        <Tag color={TYPE_COLORS[type] ?? 'default'}>{labelOf('workflow.subjectTypes', type)}</Tag>
      ),
    },
    {
      key: 'created',
      title: t('workflow.tasks.received'),
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => formatDateTime(at),
    },
    {
      key: 'due',
      title: t('workflow.tasks.due'),
      dataIndex: 'dueAt',
      width: 150,
      fixed: 'right',
      render: (at: string | null) => (at ? formatDateTime(at) : t('workflow.tasks.noDue')),
    },
    {
      key: 'sla',
      title: t('workflow.tasks.slaColumn'),
      dataIndex: 'sla',
      width: 130,
      fixed: 'right',
      render: (sla: SlaStatus, task) => <SlaTag sla={sla} reason={task.taskName} />,
    },
  ]

  const filtered = Boolean(filters.q || filters.sla || filters.type)
  return (
    <PageContainer
      title={t('workflow.tasks.title')}
      description={t('workflow.tasks.description')}
      extra={<ExportButton run={() => exportTasks({ q: filters.q, sla: filters.sla, type: filters.type })} />}
    >
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} align="center">
          <Input.Search
            allowClear
            defaultValue={filters.q}
            placeholder={t('workflow.tasks.search')}
            aria-label={t('workflow.tasks.searchLabel')}
            onSearch={(value) => setFilters({ q: value.trim() || undefined })}
            onChange={(e) => {
              if (!e.target.value) setFilters({ q: undefined })
            }}
            style={{ maxWidth: 320 }}
          />
          <Select<string>
            allowClear
            value={filters.sla}
            placeholder={t('workflow.tasks.allSla')}
            aria-label={t('workflow.tasks.slaFilter')}
            style={{ width: 180 }}
            onChange={(sla) => setFilters({ sla })}
            options={SLAS.map((sla) => ({ value: sla, label: t(`workflow.sla.${sla}`) }))}
          />
          <Select<string>
            allowClear
            value={filters.type}
            placeholder={t('workflow.tasks.allTypes')}
            aria-label={t('workflow.tasks.typeFilter')}
            style={{ width: 160 }}
            onChange={(type) => setFilters({ type })}
            options={types.map((type) => ({ value: type, label: labelOf('workflow.subjectTypes', type) }))}
          />
          {all ? (
            <Typography.Text type="secondary" data-testid="task-count">
              {t('workflow.tasks.count', { count: rows.length })}
            </Typography.Text>
          ) : null}
        </Flex>
        {query.isError ? (
          <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<WorklistItem>
          rowKey="taskId"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={query.isFetching}
          scroll={{ x: 960 }}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          onRow={(task) => ({ onClick: () => void navigate(taskLink(task)), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: query.isPending ? (
              ' '
            ) : (
              <EmptyState description={filtered ? t('workflow.tasks.emptyFiltered') : t('workflow.tasks.empty')} />
            ),
          }}
        />
      </Card>
    </PageContainer>
  )
}

import { Card, Flex, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { branchOf, type WorkflowNode, type WorkflowTree } from '../api'
import { formatDateTime } from '../format'
import { ActionButtons } from './action-buttons'
import { SlaTag } from './sla-tag'
import { StateTag } from './state-tag'
import '../workflow.css'

/** "已用 2 / 承诺 3 个工作日" for a node with a working-day limit, else just the days used. */
export function TimeUsed({ node }: { node: WorkflowNode }) {
  const { t } = useTranslation()
  const sla = branchOf(node)?.sla
  if (sla?.unit === 'hour') return <>{t('workflow.time.usedHours', { used: node.usedWorkdays, limit: sla.amount })}</>
  if (sla) return <>{t('workflow.time.used', { used: node.usedWorkdays, limit: sla.amount })}</>
  return <>{t('workflow.time.usedOnly', { used: node.usedWorkdays })}</>
}

/**
 * One node of a process (a department's branch, a rectification) as a card: who, what, its state and SLA tag,
 * time used against the limit, the deadline, and the actions the caller may take on it now.
 */
export function NodeCard({
  node,
  title,
  children,
  onChanged,
  testId,
  readOnly = false,
}: {
  node: WorkflowNode
  title?: ReactNode
  /** Extra content under the header (e.g. the items a department reviews). */
  children?: ReactNode
  onChanged?: (tree?: WorkflowTree) => void
  testId?: string
  /** No action buttons (the subject's module owns its actions). */
  readOnly?: boolean
}) {
  const { t } = useTranslation()
  const branch = branchOf(node)
  const active = node.status === 'active'
  return (
    <Card
      size="small"
      data-testid={testId}
      data-state={node.state}
      className="ruyu-node-card"
      title={
        <Typography.Text strong style={{ whiteSpace: 'normal' }}>
          {title ?? branch?.name ?? node.title}
        </Typography.Text>
      }
      extra={<StateTag node={node} />}
      styles={{ header: { minHeight: 44 } }}
    >
      <Flex vertical gap={6}>
        {children}
        <Flex gap={8} wrap align="center">
          <SlaTag
            sla={node.sla}
            reason={node.pausedAt ? node.stateName : null}
            dueAt={node.dueAt}
            completedAt={node.completedAt}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <TimeUsed node={node} />
          </Typography.Text>
        </Flex>
        {node.dueAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('workflow.time.due')}：{t('workflow.time.dueValue', { date: formatDateTime(node.dueAt) })}
            {node.dueProvisional ? t('workflow.time.provisional') : ''}
          </Typography.Text>
        ) : null}
        {node.completedAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('workflow.time.completed')}：{formatDateTime(node.completedAt)}
          </Typography.Text>
        ) : null}
        {active && !readOnly && node.actions.length > 0 ? (
          <div style={{ marginTop: 4 }}>
            <ActionButtons node={node} size="small" onChanged={onChanged} />
          </div>
        ) : null}
      </Flex>
    </Card>
  )
}

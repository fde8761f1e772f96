import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { contentText } from '../../../shared/content-text'
import { labelOf } from '../../../shared/labels'
import { branchOf, type WorkflowNode } from '../../workflow/api'
import { ActionButtons } from '../../workflow/components/action-buttons'
import { SlaTag } from '../../workflow/components/sla-tag'
import { formatDateTime } from '../../workflow/format'
import { stateLabel } from '../../workflow/labels'
import type { CaseDetail } from '../api'
import { CaseStatusTag } from './case-status-tag'

/** Why the case clock stands still: the branch whose 补正 paused it (the engine pauses the parents too). */
function pauseReason(detail: CaseDetail): string | null {
  const nodes = detail.workflow?.nodes ?? []
  const root = nodes.find((n) => n.id === detail.workflow?.rootId)
  if (!root?.pausedAt) return null
  const paused = nodes.find(
    (n) => n.id !== root.id && n.status === 'active' && n.pausedAt && !nodes.some((c) => c.parentId === n.id),
  )
  if (!paused) return null
  const branch = branchOf(paused)
  return branch
    ? `${branch.name} ${stateLabel(paused.state, paused.stateName)}`
    : stateLabel(paused.state, paused.stateName)
}

/**
 * The case header: project, number, status, variant, enterprise, committed days, submission; the current step of
 * the whole process with its deadline, and the case-level actions (撤回申请, 统一出件) from the engine.
 */
export function CaseHeader({
  detail,
  root,
  onChanged,
}: {
  detail: CaseDetail
  root: WorkflowNode | undefined
  onChanged: () => void
}) {
  const { t } = useTranslation()
  // Unified issuance while 容缺 materials are missing: the dialog warns and asks why (the server records it).
  const missing = detail.materials.filter((m) => m.pending)
  const extras = missing.length
    ? {
        issue: {
          warning: t('approval.issue.pendingWarning', {
            count: missing.length,
            names: missing.map((m) => m.name).join('、'),
          }),
          reasonLabel: t('approval.issue.overrideReason'),
          dataKey: 'overrideReason',
        },
      }
    : undefined
  return (
    <Card className="ruyu-case-header" data-testid="case-header">
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {detail.title}
        </Typography.Title>
        <CaseStatusTag status={detail.status} />
        <Tag color="green" data-testid="case-variant">
          {contentText(detail.variantName)}
        </Tag>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'number',
            label: t('approval.detail.number'),
            children: (
              <Typography.Text copyable data-testid="case-number">
                {detail.number}
              </Typography.Text>
            ),
          },
          { key: 'enterprise', label: t('approval.detail.enterprise'), children: detail.enterpriseName },
          {
            key: 'committed',
            label: t('approval.detail.committed'),
            children: t('approval.common.workdays', { count: detail.committedDays }),
          },
          { key: 'submitted', label: t('approval.detail.submitted'), children: formatDateTime(detail.submittedAt) },
          {
            key: 'channel',
            label: t('approval.detail.channel'),
            children: labelOf('approval.channel', detail.channel),
          },
          ...(detail.projectCode
            ? [{ key: 'code', label: t('approval.detail.projectCode'), children: detail.projectCode }]
            : []),
          ...(root
            ? [
                {
                  key: 'current',
                  label: t('approval.detail.current'),
                  children: (
                    <Flex gap={6} wrap align="center">
                      <span data-testid="case-current">{stateLabel(root.state, root.stateName)}</span>
                      {root.status === 'active' ? <SlaTag sla={root.sla} reason={pauseReason(detail)} /> : null}
                    </Flex>
                  ),
                },
                ...(root.dueAt && root.status === 'active'
                  ? [{ key: 'due', label: t('approval.detail.deadline'), children: formatDateTime(root.dueAt) }]
                  : []),
              ]
            : []),
          ...(detail.issuedAt
            ? [{ key: 'issued', label: t('approval.detail.issued'), children: formatDateTime(detail.issuedAt) }]
            : []),
        ]}
      />
      {detail.issueOverrides.map((o) => (
        <Alert
          key={o.decidedAt}
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="issue-override"
          title={t('approval.issue.overrideRecorded', {
            time: formatDateTime(o.decidedAt),
            names: o.materials.map((m) => m.name).join('、'),
          })}
          description={t('approval.issue.overrideReasonLine', { reason: o.reason })}
        />
      ))}
      {root && root.actions.length > 0 ? (
        <div style={{ marginTop: 12 }} data-testid="case-actions">
          <ActionButtons
            node={root}
            subject={`${detail.number} ${detail.title}`}
            onChanged={onChanged}
            extras={extras}
          />
        </div>
      ) : null}
    </Card>
  )
}

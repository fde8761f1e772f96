import { Flex, Tag, Timeline, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../../shared/feedback'
import { branchOf, type WorkflowHistoryEntry, type WorkflowTree } from '../api'
import { formatDateTime } from '../format'
import { actionLabel, stateLabel } from '../labels'

const COLORS: Record<string, string> = {
  approve: 'green',
  issue: 'green',
  join_approved: 'green',
  reject: 'red',
  withdraw: 'red',
  join_rejected: 'red',
  request_supplement: 'orange',
  return_to_window: 'orange',
}

/** The append-only history of a process, newest first: when, who, what, on which branch, with the opinion. */
export function HistoryTimeline({ tree }: { tree: WorkflowTree }) {
  const { t } = useTranslation()
  const branchNames = useMemo(
    () => new Map(tree.nodes.map((n) => [n.id, n.id === tree.rootId ? null : (branchOf(n)?.name ?? n.title)])),
    [tree],
  )
  const entries = useMemo(() => {
    const sorted = [...tree.history].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id)
    // Branches started together (a stage opening its parallel reviews) read as one entry, not a dozen.
    const out: { entry: WorkflowHistoryEntry; started: string[] }[] = []
    for (const h of sorted) {
      const branchStart = h.action === 'start' && h.instanceId !== tree.rootId
      const last = out[out.length - 1]
      if (branchStart && last?.started.length && last.entry.at === h.at)
        last.started.push(branchNames.get(h.instanceId) ?? '')
      else out.push({ entry: h, started: branchStart ? [branchNames.get(h.instanceId) ?? ''] : [] })
    }
    return out
  }, [tree, branchNames])
  if (entries.length === 0) return <EmptyState description={t('workflow.history.empty')} />
  return (
    <Timeline
      data-testid="history"
      items={entries.map(({ entry: h, started }) => {
        const key = h.action.replace(/[^a-z_]/g, '_')
        const branch = branchNames.get(h.instanceId)
        if (started.length > 1)
          return {
            key: h.id,
            color: 'gray',
            content: (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(h.at)} · {h.actorName ?? ''}
                </Typography.Text>
                <div>
                  <Typography.Text strong>
                    {t('workflow.history.branchesStarted', { count: started.length })}
                  </Typography.Text>
                </div>
                <Flex gap={4} wrap style={{ marginTop: 4 }}>
                  {started.map((name) => (
                    <Tag key={name} style={{ marginInlineEnd: 0 }}>
                      {name}
                    </Tag>
                  ))}
                </Flex>
              </div>
            ),
          }
        return {
          key: h.id,
          color: COLORS[key] ?? 'blue',
          content: (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(h.at)} · {h.actorKind === 'system' ? t('workflow.history.system') : (h.actorName ?? '')}
              </Typography.Text>
              <div>
                <Typography.Text strong>{actionLabel(key, h.actionName)}</Typography.Text>
                {branch ? <Tag style={{ marginInlineStart: 8 }}>{branch}</Tag> : null}
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {t('workflow.history.to', { state: stateLabel(h.toState, h.toStateName) })}
                </Typography.Text>
              </div>
              {h.comment ? (
                <Typography.Paragraph style={{ margin: '4px 0 0' }}>
                  {t('workflow.history.comment', { comment: h.comment })}
                </Typography.Paragraph>
              ) : null}
            </div>
          ),
        }
      })}
    />
  )
}

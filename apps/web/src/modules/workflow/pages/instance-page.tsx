import { Alert, Button, Card, Col, Descriptions, Row, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { PageLoading } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import { useMe } from '../../auth/hooks'
import { ActionButtons } from '../components/action-buttons'
import { HistoryTimeline } from '../components/history-timeline'
import { NodeCard, TimeUsed } from '../components/node-card'
import { SlaTag } from '../components/sla-tag'
import { StateTag } from '../components/state-tag'
import { formatDateTime } from '../format'
import { useInstance } from '../hooks'
import { subjectLink } from '../links'

/**
 * The generic process page (/workflow/instances/:id): any workflow instance (e.g. a 差评 rectification) with its
 * current step, SLA, the branches running in parallel, the caller's actions and the history. A subject whose
 * module owns its actions (a 12345 order, a service request, a policy question) shows no buttons here: the page
 * links to the module's own page, whose actions carry the module's side effects.
 */
export default function InstancePage() {
  const { t } = useTranslation()
  const { id } = useParams()
  const query = useInstance(id)
  const me = useMe().data
  const tree = query.data
  const root = tree?.nodes.find((n) => n.id === tree.rootId)
  const owner = tree?.subject?.module ?? null
  const moduleHref = owner && tree?.subject ? subjectLink(tree.subject, me?.kind) : null

  const moduleName = (module: string) =>
    t(`workflow.owned.modules.${module}`, { defaultValue: t('workflow.owned.modules.other') })

  let body: React.ReactNode
  if (query.isError) body = <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} />
  else if (!tree || !root) body = <PageLoading />
  else {
    const children = tree.nodes.filter((n) => n.parentId === root.id)
    const reload = () => void query.refetch()
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('workflow.instance.overview')} data-testid="process-overview">
            <Descriptions
              column={{ xs: 1, md: 2 }}
              size="small"
              items={[
                { key: 'state', label: t('workflow.instance.current'), children: <StateTag node={root} /> },
                {
                  key: 'sla',
                  label: t('workflow.tasks.slaColumn'),
                  children: (
                    <SlaTag
                      sla={root.sla}
                      reason={root.pausedAt ? root.stateName : null}
                      dueAt={root.dueAt}
                      completedAt={root.completedAt}
                    />
                  ),
                },
                { key: 'started', label: t('workflow.time.started'), children: formatDateTime(root.startedAt) },
                {
                  key: 'due',
                  label: t('workflow.time.due'),
                  children: root.dueAt ? formatDateTime(root.dueAt) : t('workflow.tasks.noDue'),
                },
                { key: 'time', label: t('workflow.time.usedLabel'), children: <TimeUsed node={root} /> },
              ]}
            />
            <div style={{ marginTop: 16 }}>
              {owner ? (
                <Alert
                  type="info"
                  showIcon
                  data-testid="owned-subject"
                  message={t('workflow.owned.notice', { module: moduleName(owner) })}
                  action={
                    moduleHref ? (
                      <Link to={moduleHref}>
                        <Button type="primary" size="small" tabIndex={-1}>
                          {t('workflow.owned.open', { module: moduleName(owner) })}
                        </Button>
                      </Link>
                    ) : null
                  }
                />
              ) : root.actions.length ? (
                <ActionButtons node={root} onChanged={reload} />
              ) : (
                <Typography.Text type="secondary">{t('workflow.actions.none')}</Typography.Text>
              )}
            </div>
          </Card>
          {children.length ? (
            <Card title={t('workflow.instance.branches')} style={{ marginTop: 16 }}>
              <div className="ruyu-lane-cards">
                {children.map((node) => (
                  <NodeCard key={node.id} node={node} onChanged={reload} readOnly={!!owner} />
                ))}
              </div>
            </Card>
          ) : null}
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('workflow.history.title')}>
            <HistoryTimeline tree={tree} />
          </Card>
        </Col>
      </Row>
    )
  }

  return <PageContainer title={root?.title ?? t('workflow.instance.title')}>{body}</PageContainer>
}

import { CERTIFICATE_KIND_SPECS } from '@ruyu/contracts/certificate'
import { Card, Flex, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { contentText } from '../../../shared/content-text'
import { branchOf, type WorkflowNode } from '../../workflow/api'
import { NodeCard } from '../../workflow/components/node-card'
import { formatDateTime } from '../../workflow/format'
import type { CaseDetail, CaseItem } from '../api'

type Phase = 'waiting' | 'active' | 'done'

const SHOWN_ITEMS = 3

/** The items a department reviews: the first few by name, the rest on hover; the certificates they yield. */
function ItemLines({ items }: { items: { name: string; certificate: string | null }[] }) {
  const { t } = useTranslation()
  const certificates = items.map((i) => i.certificate).filter((c): c is string => Boolean(c))
  const shown = items.slice(0, SHOWN_ITEMS).map((i) => i.name)
  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: certificates.length ? 4 : 0 }}>
        {t('approval.progress.items', { count: items.length })}：{shown.join('、')}
        {items.length > SHOWN_ITEMS ? (
          <Tooltip title={items.map((i) => i.name).join('、')}>
            <Typography.Link style={{ fontSize: 12 }}>
              {' '}
              {t('approval.progress.more', { count: items.length - SHOWN_ITEMS })}
            </Typography.Link>
          </Tooltip>
        ) : null}
      </Typography.Paragraph>
      {certificates.length ? (
        <Flex gap={4} wrap>
          {certificates.map((c) => (
            <Tag key={c} color="gold" style={{ marginInlineEnd: 0 }}>
              {t('approval.progress.certificate', { name: c })}
            </Tag>
          ))}
        </Flex>
      ) : null}
    </div>
  )
}

/** A department the stage will involve, before the stage has started (no workflow branch yet). */
function PlannedCard({ department, items }: { department: string; items: CaseItem[] }) {
  const { t } = useTranslation()
  const days = Math.max(1, ...items.map((i) => i.committedDays))
  return (
    <Card
      size="small"
      className="ruyu-node-card"
      title={
        <Typography.Text strong style={{ whiteSpace: 'normal' }}>
          {department}
        </Typography.Text>
      }
      extra={<Tag style={{ marginInlineEnd: 0 }}>{t('approval.progress.notStarted')}</Tag>}
      styles={{ header: { minHeight: 44 } }}
    >
      <Flex vertical gap={6}>
        <ItemLines items={items.map((i) => ({ name: i.itemName, certificate: i.certificateName }))} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('approval.progress.committed', { days })}
        </Typography.Text>
      </Flex>
    </Card>
  )
}

const FOUR_TITLES = new Set(Object.values(CERTIFICATE_KIND_SPECS).map((spec) => spec.title))

/**
 * Where 统一出件 sits: after the stage by which each of the four certificates (四证) has first appeared, as the
 * server's case workflow places it; and which of them it issues.
 */
export function issuanceOf(items: CaseItem[]): { certStage: number; certificates: string[] } {
  const first = new Map<string, number>()
  for (const i of items)
    if (i.certificateName && FOUR_TITLES.has(i.certificateName))
      first.set(i.certificateName, Math.min(first.get(i.certificateName) ?? i.stageNo, i.stageNo))
  return { certStage: first.size ? Math.max(...first.values()) : 0, certificates: [...first.keys()] }
}

function sortNodes(a: WorkflowNode, b: WorkflowNode): number {
  const mine = Number(b.actions.length > 0) - Number(a.actions.length > 0)
  if (mine) return mine
  return String(branchOf(a)?.departmentCode ?? a.title).localeCompare(String(branchOf(b)?.departmentCode ?? b.title))
}

/**
 * 进度: the swimlane of a theme case. One lane per stage of the plan; inside a lane each department's branch is a
 * card side by side (they run in parallel), with its items, state, SLA tag, time used against the committed limit,
 * deadline and the caller's actions. Stages not started yet show the departments they will involve; the unified
 * issuance (统一出件) sits after the stage that yields the certificates.
 */
export function ProgressBoard({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation()
  const tree = detail.workflow
  const root = tree?.nodes.find((n) => n.id === tree.rootId)
  const branches = (tree?.nodes ?? []).filter((n) => n.parentId && n.parentId === root?.id)
  const { certStage, certificates } = issuanceOf(detail.items)

  const lanes = detail.plan.stages.flatMap((stage) => {
    const items = detail.items.filter((i) => i.stageNo === stage.no)
    const zone = items.filter((i) => i.status === 'zone_satisfied')
    const nodes = branches.filter((n) => branchOf(n)?.stageNo === stage.no).sort(sortNodes)
    const phase: Phase = nodes.length === 0 ? 'waiting' : nodes.every((n) => n.status !== 'active') ? 'done' : 'active'
    const approved = nodes.filter((n) => n.outcome === 'approved').length
    const planned = new Map<string, CaseItem[]>()
    if (nodes.length === 0)
      for (const i of items.filter((x) => x.status !== 'zone_satisfied' && x.status !== 'cancelled'))
        planned.set(i.departmentName, [...(planned.get(i.departmentName) ?? []), i])

    const lane = (
      <section key={`stage-${stage.no}`} className="ruyu-lane" data-testid={`lane-${stage.no}`} data-phase={phase}>
        <div className="ruyu-lane-head" data-phase={phase}>
          <Typography.Text strong style={{ display: 'block' }}>
            {t('approval.progress.stage', { no: stage.no })}
          </Typography.Text>
          <Typography.Text style={{ display: 'block' }}>{contentText(stage.name)}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('approval.progress.committed', { days: stage.committedDays })}
          </Typography.Text>
          <Tag
            color={phase === 'done' ? 'success' : phase === 'active' ? 'processing' : 'default'}
            style={{ marginTop: 6 }}
          >
            {t(`approval.progress.phase.${phase}`)}
          </Tag>
          {nodes.length ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
              {t('approval.progress.approvedCount', { approved, total: nodes.length })}
            </Typography.Text>
          ) : null}
        </div>
        <div>
          {zone.length ? (
            <Typography.Paragraph type="success" style={{ fontSize: 12 }} data-testid="zone-satisfied">
              {t('approval.progress.zoneSatisfied', { names: zone.map((i) => i.itemName).join('、') })}
            </Typography.Paragraph>
          ) : null}
          <div className="ruyu-lane-cards">
            {nodes.map((node) => {
              const b = branchOf(node)
              return (
                <NodeCard
                  key={node.id}
                  node={node}
                  onChanged={onChanged}
                  testId={`branch-${b?.departmentCode ?? node.id}`}
                >
                  <ItemLines items={(b?.items ?? []).map((i) => ({ name: i.name, certificate: i.certificate }))} />
                </NodeCard>
              )
            })}
            {[...planned.entries()].map(([department, its]) => (
              <PlannedCard key={department} department={department} items={its} />
            ))}
          </div>
          {nodes.length === 0 && planned.size === 0 ? (
            <Typography.Text type="secondary">{t('approval.progress.nothing')}</Typography.Text>
          ) : null}
        </div>
      </section>
    )
    if (stage.no !== certStage || !certificates.length) return [lane]
    const issuance: Phase = detail.issuedAt ? 'done' : root?.state === 'issuance' ? 'active' : 'waiting'
    return [
      lane,
      <section key="issuance" className="ruyu-lane" data-testid="lane-issuance" data-phase={issuance}>
        <div className="ruyu-lane-head" data-phase={issuance}>
          <Typography.Text strong>{t('approval.progress.issuance')}</Typography.Text>
          <Tag
            color={issuance === 'done' ? 'success' : issuance === 'active' ? 'processing' : 'default'}
            style={{ display: 'block', width: 'fit-content', marginTop: 6 }}
          >
            {t(`approval.progress.issuancePhase.${issuance}`)}
          </Tag>
        </div>
        <div>
          <Typography.Paragraph style={{ marginBottom: 6 }}>
            {issuance === 'done'
              ? t('approval.progress.issuedAt', { date: formatDateTime(detail.issuedAt) })
              : issuance === 'active'
                ? t('approval.progress.issuanceReady')
                : t('approval.progress.issuanceHint')}
          </Typography.Paragraph>
          <Flex gap={4} wrap>
            {certificates.map((c) => (
              <Tag key={c} color={issuance === 'done' ? 'green' : 'default'}>
                {c}
              </Tag>
            ))}
          </Flex>
        </div>
      </section>,
    ]
  })

  return (
    <div data-testid="progress-board">
      {!tree ? <Typography.Text type="secondary">{t('approval.progress.noWorkflow')}</Typography.Text> : null}
      {lanes}
    </div>
  )
}

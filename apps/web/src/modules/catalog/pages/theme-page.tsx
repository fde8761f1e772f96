import EditOutlined from '@ant-design/icons/EditOutlined'
import FormOutlined from '@ant-design/icons/FormOutlined'
import HistoryOutlined from '@ant-design/icons/HistoryOutlined'
import {
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Flex,
  Row,
  Segmented,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useAccess } from '../../../access'
import { contentText } from '../../../shared/content-text'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState, PageLoading } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import type { ItemSummary, ResolvedStage, ThemeDetail, ThemeVariant, VariantPlan } from '../api'
import { CombinedFormDrawer } from '../components/combined-form-drawer'
import { ItemDetailDrawer } from '../components/item-detail-drawer'
import { useDaysText } from '../components/limit-text'
import { RuleText } from '../components/rule-text'
import { VersionTimeline } from '../components/version-timeline'
import { useCatalogDepartments, useTheme, useThemes, useThemeVersions } from '../hooks'

const THEME_STAGE_KEY = '_theme'

/** One stage as a column: its items (handled in parallel), the stage's days, and the theme stages merged into it. */
function StageColumn({
  stage,
  items,
  shortNames,
  themeStageNames,
  onOpen,
}: {
  stage: ResolvedStage
  items: Map<string, ItemSummary>
  shortNames: Map<string, string>
  themeStageNames: Map<number, string>
  onOpen: (code: string) => void
}) {
  const { t } = useTranslation()
  const days = useDaysText()
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      styles={{ body: { maxHeight: 560, overflowY: 'auto' } }}
      title={
        <div style={{ whiteSpace: 'normal', padding: '4px 0' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('catalog.stageShort', { no: stage.no })} · {t('catalog.common.items', { count: stage.itemCodes.length })}
          </Typography.Text>
          <div>{contentText(stage.name)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('catalog.themes.stageDays', { committed: stage.committedDays, legal: stage.legalDays })}
          </Typography.Text>
          {stage.mergedFrom.length > 1 ? (
            <div>
              <Tag color="orange" style={{ marginTop: 4, whiteSpace: 'normal' }}>
                {t('catalog.themes.merged', {
                  names: stage.mergedFrom.map((n) => contentText(themeStageNames.get(n)) ?? n).join(' + '),
                })}
              </Tag>
            </div>
          ) : null}
        </div>
      }
    >
      {stage.itemCodes.length === 0 ? (
        <EmptyState description={t('catalog.themes.noItems')} />
      ) : (
        <Flex vertical gap={8}>
          {stage.itemCodes.map((code) => {
            const item = items.get(code)
            return (
              <div key={code} style={{ borderBottom: '1px solid rgba(5,5,5,0.06)', paddingBottom: 6 }}>
                <Typography.Link onClick={() => onOpen(code)}>{item?.name ?? code}</Typography.Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {item
                      ? `${shortNames.get(item.departmentCode) ?? item.departmentName} · ${days(item.committedLimitDays)}`
                      : code}
                  </Typography.Text>
                  {item?.certificate ? (
                    <Tag color="gold" style={{ marginInlineStart: 6, fontSize: 11 }}>
                      {item.certificate.name}
                    </Tag>
                  ) : null}
                </div>
              </div>
            )
          })}
        </Flex>
      )}
    </Card>
  )
}

/** A variant: when it applies (the rule in words), how stages change, what it drops. */
function VariantCard({
  variant,
  plan,
  theme,
  items,
  active,
  onShow,
}: {
  variant: ThemeVariant
  plan: VariantPlan | undefined
  theme: ThemeDetail
  items: Map<string, ItemSummary>
  active: boolean
  onShow: () => void
}) {
  const { t } = useTranslation()
  const stageNames = new Map(theme.stages.map((s) => [s.no, s.name]))
  return (
    <Card
      size="small"
      title={
        <Space>
          {contentText(variant.name)}
          {variant.targetDays ? (
            <Tag color="red">{t('catalog.themes.targetDays', { count: variant.targetDays })}</Tag>
          ) : null}
        </Space>
      }
      extra={
        <Button size="small" type={active ? 'primary' : 'default'} onClick={onShow}>
          {t('catalog.themes.stagesTitle')}
        </Button>
      }
      style={{ height: '100%' }}
    >
      {variant.description ? (
        <Typography.Paragraph type="secondary">{contentText(variant.description)}</Typography.Paragraph>
      ) : null}
      <Descriptions
        column={1}
        size="small"
        styles={{ label: { width: 90 } }}
        items={[
          {
            key: 'rule',
            label: t('catalog.themes.condition'),
            children: <RuleText rule={variant.rule} fields={theme.formFields} />,
          },
          {
            key: 'stages',
            label: t('catalog.themes.stageMapping'),
            children: (
              <Flex vertical gap={2}>
                {(plan?.stages ?? []).map((s) => (
                  <span key={s.no}>
                    {s.mergedFrom.map((n) => contentText(stageNames.get(n)) ?? n).join(' + ')}
                    {s.mergedFrom.length > 1 || s.name !== stageNames.get(s.mergedFrom[0] ?? 0) ? (
                      <Typography.Text strong> → {contentText(s.name)}</Typography.Text>
                    ) : null}
                  </span>
                ))}
              </Flex>
            ),
          },
          ...(variant.omitItems.length
            ? [
                {
                  key: 'omitted',
                  label: t('catalog.themes.omitted'),
                  children: (
                    <Space size={[4, 4]} wrap>
                      {variant.omitItems.map((c) => (
                        <Tag key={c}>{items.get(c)?.name ?? c}</Tag>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  )
}

function ThemeView({ theme }: { theme: ThemeDetail }) {
  const { t } = useTranslation()
  const { can } = useAccess()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const [formOpen, setFormOpen] = useState(false)
  const [versionsOpen, setVersionsOpen] = useState(false)
  const departments = useCatalogDepartments()
  const versions = useThemeVersions(theme.code, versionsOpen)

  const setParam = (key: string, value: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev)
      if (value) next.set(key, value)
      else next.delete(key)
      return next
    })
  const defaultKey = theme.variants.find((v) => !v.rule)?.key ?? THEME_STAGE_KEY
  const selected = params.get('variant') ?? defaultKey
  const plan = theme.plans.find((p) => (p.key ?? THEME_STAGE_KEY) === selected) ?? theme.plans[0]!
  const variant = theme.variants.find((v) => v.key === plan.key)
  const items = new Map(theme.items.map((i) => [i.code, i]))
  const shortNames = new Map((departments.data?.items ?? []).map((d) => [d.code, d.shortName ?? d.name]))
  const themeStageNames = new Map(theme.stages.map((s) => [s.no, s.name]))
  const span = Math.max(6, Math.floor(24 / Math.max(1, plan.stages.length)))

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <div style={{ minWidth: 0, flex: 1 }}>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {contentText(theme.name)}
            </Typography.Title>
            {theme.description ? <Typography.Paragraph>{contentText(theme.description)}</Typography.Paragraph> : null}
            <Typography.Text type="secondary">
              {theme.code} ·{' '}
              {t('catalog.themes.versionInfo', {
                version: theme.version,
                date: dayjs(theme.createdAt).format('YYYY-MM-DD'),
              })}
            </Typography.Text>
          </div>
          <Space wrap>
            <Button icon={<FormOutlined />} onClick={() => setFormOpen(true)}>
              {t('catalog.themes.combinedForm')}
            </Button>
            <Button icon={<HistoryOutlined />} onClick={() => setVersionsOpen(true)}>
              {t('catalog.common.versions')}
            </Button>
            {can('catalog:manage') ? (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => void navigate(`/catalog/themes/${encodeURIComponent(theme.code)}/edit`)}
              >
                {t('catalog.themes.edit')}
              </Button>
            ) : null}
          </Space>
        </Flex>
      </Card>

      <Card
        title={t('catalog.themes.stagesTitle')}
        style={{ marginBottom: 16 }}
        extra={
          <Segmented<string>
            aria-label={t('catalog.themes.variantPicker')}
            value={plan.key ?? THEME_STAGE_KEY}
            onChange={(key) => setParam('variant', key)}
            options={[
              ...theme.variants.map((v) => ({ value: v.key, label: contentText(v.name) })),
              { value: THEME_STAGE_KEY, label: t('catalog.themes.themeStages') },
            ]}
          />
        }
      >
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Tooltip title={t('catalog.themes.totalDays', { committed: plan.committedDays, legal: plan.legalDays })}>
            <Tag color="blue" style={{ cursor: 'help' }}>
              {t('catalog.themes.totalShort', { committed: plan.committedDays, legal: plan.legalDays })}
            </Tag>
          </Tooltip>
          {variant?.targetDays ? (
            <Tag color="red">{t('catalog.themes.targetDays', { count: variant.targetDays })}</Tag>
          ) : null}
          <Typography.Text type="secondary">
            {t('catalog.common.items', { count: plan.stages.reduce((n, s) => n + s.itemCodes.length, 0) })}
          </Typography.Text>
        </Flex>
        <Row gutter={[12, 12]} data-testid="theme-stages">
          {plan.stages.map((s) => (
            <Col key={s.no} xs={24} md={12} xl={span}>
              <StageColumn
                stage={s}
                items={items}
                shortNames={shortNames}
                themeStageNames={themeStageNames}
                onOpen={(code) => setParam('item', code)}
              />
            </Col>
          ))}
        </Row>
      </Card>

      <Card title={t('catalog.themes.variantsTitle')}>
        <Typography.Paragraph type="secondary">{t('catalog.themes.variantsHint')}</Typography.Paragraph>
        <Row gutter={[12, 12]}>
          {theme.variants.map((v) => (
            <Col key={v.key} xs={24} lg={8}>
              <VariantCard
                variant={v}
                plan={theme.plans.find((p) => p.key === v.key)}
                theme={theme}
                items={items}
                active={v.key === plan.key}
                onShow={() => setParam('variant', v.key)}
              />
            </Col>
          ))}
        </Row>
      </Card>

      <ItemDetailDrawer code={params.get('item')} onClose={() => setParam('item', null)} />
      <CombinedFormDrawer
        open={formOpen}
        onClose={() => setFormOpen(false)}
        themeCode={theme.code}
        variant={plan.key}
        variantName={variant?.name ?? t('catalog.themes.themeStages')}
      />
      <Drawer
        open={versionsOpen}
        onClose={() => setVersionsOpen(false)}
        title={t('catalog.common.versions')}
        size={520}
        destroyOnHidden
      >
        {versions.isError ? (
          <ErrorDisplay error={versions.error} onRetry={() => void versions.refetch()} />
        ) : (
          <VersionTimeline
            versions={versions.data?.items ?? []}
            summary={(v) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {v.variants.map((x) => x.name).join('、')}
              </Typography.Text>
            )}
          />
        )}
      </Drawer>
    </>
  )
}

/** 主题场景: a theme's stages as columns, per variant, and the variants with their rules in words. */
export default function ThemePage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const themes = useThemes()
  const list = themes.data?.items ?? []
  const code = params.get('theme') ?? list[0]?.code ?? null
  const theme = useTheme(code)

  let body: React.ReactNode
  if (themes.isError) body = <ErrorDisplay error={themes.error} onRetry={() => void themes.refetch()} />
  else if (themes.isPending) body = <PageLoading />
  else if (list.length === 0) body = <EmptyState description={t('catalog.themes.empty')} />
  else if (theme.isError) body = <ErrorDisplay error={theme.error} onRetry={() => void theme.refetch()} />
  else if (!theme.data) body = <PageLoading />
  else body = <ThemeView theme={theme.data} />

  return (
    <PageContainer
      title={t('catalog.themes.title')}
      description={t('catalog.themes.description')}
      extra={
        list.length > 1 ? (
          <Select<string>
            aria-label={t('catalog.themes.pick')}
            value={code ?? undefined}
            style={{ width: 320 }}
            onChange={(next) => setParams({ theme: next })}
            options={list.map((th) => ({ value: th.code, label: th.name }))}
          />
        ) : undefined
      }
    >
      {body}
    </PageContainer>
  )
}

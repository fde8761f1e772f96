import { Card, Flex, Spin, Steps, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { contentText } from '../../../shared/content-text'
import type { PlanReply, ThemeDetail } from '../api'

const VARIANT_COLORS = ['green', 'cyan', 'blue', 'purple', 'geekblue']

/** The variant tag (拿地即开工 / 小型社会投资项目 / 一般项目), coloured by its place among the theme's variants. */
export function VariantTag({
  name,
  variantKey,
  theme,
}: {
  name: string
  variantKey: string | null
  theme?: ThemeDetail
}) {
  const index = theme?.variants.findIndex((v) => v.key === variantKey) ?? -1
  return (
    <Tag color={index >= 0 ? VARIANT_COLORS[index % VARIANT_COLORS.length] : 'blue'} data-testid="variant-badge">
      {contentText(name)}
    </Tag>
  )
}

/**
 * The variant the rules chose for what has been filled in, updated live, with its stages run in parallel and the
 * committed working days (per stage and in total).
 */
export function PlanSummary({
  plan,
  theme,
  updating,
}: {
  plan: PlanReply | undefined
  theme: ThemeDetail | undefined
  updating: boolean
}) {
  const { t } = useTranslation()
  const variant = plan?.variant
  const def = theme?.variants.find((v) => v.key === variant?.key)
  const stages = plan?.form.plan.stages ?? []
  return (
    <Card
      size="small"
      title={t('approval.variant.title')}
      extra={updating ? <Spin size="small" aria-label={t('approval.variant.updating')} /> : null}
      data-testid="plan-summary"
      aria-live="polite"
    >
      {plan ? (
        <Flex vertical gap={8}>
          <div>
            <VariantTag name={variant?.name ?? plan.form.plan.name} variantKey={variant?.key ?? null} theme={theme} />
            <Typography.Text strong data-testid="plan-total">
              {t('approval.variant.total', { days: plan.form.plan.committedDays, legal: plan.form.plan.legalDays })}
            </Typography.Text>
          </div>
          {def?.description ? (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {def.description}
            </Typography.Text>
          ) : null}
          {def?.targetDays ? (
            <Typography.Text style={{ fontSize: 13 }}>
              {t('approval.variant.target', { days: def.targetDays })}
            </Typography.Text>
          ) : null}
          <Steps
            orientation="vertical"
            size="small"
            current={-1}
            items={stages.map((s) => ({
              key: s.no,
              title: t('approval.variant.stage', { no: s.no, name: contentText(s.name) }),
              content: t('approval.variant.stageLine', { days: s.committedDays, count: s.itemCodes.length }),
              status: 'wait' as const,
            }))}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('approval.variant.deciding')}
          </Typography.Text>
        </Flex>
      ) : (
        <Spin />
      )}
    </Card>
  )
}

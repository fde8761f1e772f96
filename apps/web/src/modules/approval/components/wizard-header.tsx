import { Card, Flex, Steps, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CombinedForm, PlanReply, ThemeDetail } from '../api'
import { VariantTag } from './plan-summary'

/** The wizard's head: the four steps, and the variant and committed time the current answers lead to. */
export function WizardHeader({
  step,
  plan,
  combined,
  theme,
}: {
  step: number
  plan: PlanReply | undefined
  combined: CombinedForm
  theme: ThemeDetail
}) {
  const { t } = useTranslation()
  const stepTitles = [
    t('approval.steps.basics'),
    t('approval.steps.form'),
    t('approval.steps.materials'),
    t('approval.steps.review'),
  ]
  return (
    <Card style={{ marginBottom: 16 }}>
      <Steps
        current={step}
        size="small"
        items={stepTitles.map((title, i) => ({ key: i, title }))}
        aria-label={t('approval.apply.stepsLabel')}
      />
      <Flex gap={8} wrap align="center" style={{ marginTop: 12 }} data-testid="variant-line">
        <Typography.Text type="secondary">{t('approval.variant.title')}：</Typography.Text>
        <VariantTag
          name={plan?.variant?.name ?? combined.plan.name}
          variantKey={plan?.variant?.key ?? null}
          theme={theme}
        />
        <Typography.Text type="secondary">
          {t('approval.variant.short', { days: combined.plan.committedDays, stages: combined.plan.stages.length })}
        </Typography.Text>
      </Flex>
    </Card>
  )
}

import { Alert, Card, Flex, Form, Select, Tag, Typography } from 'antd'
import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CombinedForm, Park, ZoneAssessmentKind } from '../api'
import { zoneReuseEstimate } from '../apply-model'
import { formatYuan } from '../money'

/**
 * The park the project lies in (`parkCode`): parks with completed zone assessments (区域评估), and what reusing
 * them would save this project (the items satisfied by the park's reports and the estimated study fees).
 */
export const ParkPicker = memo(function ParkPicker({
  parks,
  kinds,
  combined,
  parkCode,
  landAreaMu,
  itemNames,
}: {
  parks: Park[]
  kinds: ZoneAssessmentKind[]
  combined: CombinedForm | undefined
  parkCode: string | undefined
  landAreaMu: number
  itemNames: Map<string, string>
}) {
  const { t } = useTranslation()
  const park = parks.find((p) => p.code === parkCode)
  const reuse = zoneReuseEstimate(park, combined, kinds, landAreaMu)
  const saving = reuse.reduce((n, r) => n + r.savingYuan, 0)
  return (
    <Card size="small" title={t('approval.park.title')} style={{ marginBottom: 16 }} data-testid="park-picker">
      <Typography.Paragraph type="secondary">{t('approval.park.intro')}</Typography.Paragraph>
      <Form.Item name="parkCode" label={t('approval.park.label')} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('approval.park.placeholder')}
          options={parks.map((p) => ({
            value: p.code,
            label: `${p.name}${p.divisionName ? `（${p.divisionName}）` : ''}`,
          }))}
        />
      </Form.Item>
      {park ? (
        <Flex vertical gap={8}>
          <div>
            <Typography.Text type="secondary">{t('approval.park.assessments')}</Typography.Text>
            <Flex gap={4} wrap style={{ marginTop: 4 }}>
              {park.assessments.map((a) => (
                <Tooltipless key={a.kindCode} title={a.reportNo}>
                  {a.kindName}
                </Tooltipless>
              ))}
            </Flex>
          </div>
          {reuse.length ? (
            <Alert
              type="success"
              showIcon
              data-testid="park-saving"
              title={t('approval.park.saving', { amount: formatYuan(saving) })}
              description={
                <div>
                  <div>{t('approval.park.savingHint', { mu: landAreaMu })}</div>
                  <div style={{ marginTop: 4 }}>
                    {t('approval.park.reuse')}
                    {reuse.flatMap((r) => r.itemCodes.map((c) => itemNames.get(c) ?? c)).join('、')}
                  </div>
                </div>
              }
            />
          ) : (
            <Alert type="info" showIcon title={t('approval.park.noReuse')} />
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('approval.park.parkSaving', { amount: formatYuan(park.estimatedSavingYuan) })}
          </Typography.Text>
        </Flex>
      ) : null}
    </Card>
  )
})

/** A plain tag with the report number as its native title (no popup needed for a reference number). */
function Tooltipless({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Tag color="geekblue" title={title} style={{ marginInlineEnd: 0 }}>
      {children}
    </Tag>
  )
}

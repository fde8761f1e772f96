import { Alert, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../../shared/feedback'
import type { CaseDetail } from '../api'
import { useParks } from '../hooks'
import { formatYuan } from '../money'

type Reuse = CaseDetail['zoneReuse'][number]

/** 区域评估: the park's completed assessments this case reused, the items they satisfied and the fees saved. */
export function ZoneTab({ detail, itemNames }: { detail: CaseDetail; itemNames: Map<string, string> }) {
  const { t } = useTranslation()
  const parks = useParks()
  if (!detail.parkCode) return <EmptyState description={t('approval.zone.none')} />
  const park = parks.data?.items.find((p) => p.code === detail.parkCode)
  const total = detail.zoneReuse.reduce((n, r) => n + r.savingYuan, 0)
  return (
    <div data-testid="zone-tab">
      <Typography.Paragraph>
        {t('approval.zone.park')}：<Typography.Text strong>{park?.name ?? detail.parkCode}</Typography.Text>
      </Typography.Paragraph>
      {detail.zoneReuse.length ? (
        <>
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('approval.zone.total', { amount: formatYuan(total), count: detail.zoneReuse.length })}
          />
          <Table<Reuse>
            size="small"
            rowKey="kindCode"
            pagination={false}
            dataSource={detail.zoneReuse}
            scroll={{ x: 640 }}
            columns={[
              { key: 'kind', title: t('approval.zone.kind'), dataIndex: 'kindName', width: 150 },
              { key: 'report', title: t('approval.zone.reportNo'), dataIndex: 'reportNo', width: 190 },
              {
                key: 'items',
                title: t('approval.zone.items'),
                render: (_, r) => r.itemCodes.map((c) => itemNames.get(c) ?? c).join('、'),
              },
              {
                key: 'saving',
                title: t('approval.zone.saving'),
                dataIndex: 'savingYuan',
                width: 130,
                align: 'right',
                render: (v: number) => formatYuan(v),
              },
            ]}
          />
        </>
      ) : (
        <EmptyState description={t('approval.zone.noReuse')} />
      )}
    </div>
  )
}

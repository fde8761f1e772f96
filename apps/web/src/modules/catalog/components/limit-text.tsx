import { Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/** Working days, or 即办 for a committed limit of 0. */
export function useDaysText() {
  const { t } = useTranslation()
  return (days: number) => (days === 0 ? t('catalog.common.onTheSpot') : t('catalog.common.days', { count: days }))
}

/** "承诺 3 个工作日" in bold with "法定 7 个工作日" beside it. */
export function LimitText({ legal, committed }: { legal: number; committed: number }) {
  const { t } = useTranslation()
  const days = useDaysText()
  return (
    <Space size={4} wrap>
      <Typography.Text strong>
        {t('catalog.common.committed')} {days(committed)}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('catalog.common.legal')} {days(legal)}
      </Typography.Text>
    </Space>
  )
}

import { Rate, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { labelOf } from '../../../shared/labels'
import { BAD_LEVEL_MAX } from './rating-form'

/** A rating already given: the level as stars and words, when, and what happens to a 差评. */
export function RatingResult({
  level,
  createdAt,
  mine,
  formatDate,
}: {
  level: number
  createdAt: string
  mine: boolean
  formatDate: (iso: string) => string
}) {
  const { t } = useTranslation()
  return (
    <div data-testid="rating-result" data-level={level}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {mine ? t('rating.given.title') : t('rating.given.titleStaff')}
      </Typography.Title>
      <Rate disabled value={level} />
      <Typography.Text strong style={{ marginInlineStart: 12 }}>
        {labelOf('rating.levels', String(level))}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('rating.given.at', { date: formatDate(createdAt) })}
      </Typography.Paragraph>
      {mine ? (
        <Typography.Paragraph>
          {level <= BAD_LEVEL_MAX ? t('rating.given.bad') : t('rating.given.thanks')}
        </Typography.Paragraph>
      ) : null}
    </div>
  )
}

import { Tag, Timeline, Typography } from 'antd'
import dayjs from 'dayjs'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../../shared/feedback'

export interface VersionEntry {
  version: number
  current: boolean
  changeNote: string | null
  createdBy: string | null
  createdAt: string
}

/** Versions of a definition, newest first: who changed it, when, why, plus a one-line summary of each version. */
export function VersionTimeline<T extends VersionEntry>({
  versions,
  summary,
}: {
  versions: T[]
  summary?: (v: T) => ReactNode
}) {
  const { t } = useTranslation()
  if (versions.length === 0) return <EmptyState description={t('catalog.common.versionsEmpty')} />
  return (
    <Timeline
      items={versions.map((v) => ({
        key: v.version,
        color: v.current ? 'green' : 'gray',
        title: (
          <span>
            <Typography.Text strong>{t('catalog.common.version', { version: v.version })}</Typography.Text>{' '}
            {v.current ? <Tag color="green">{t('catalog.common.current')}</Tag> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {dayjs(v.createdAt).format('YYYY-MM-DD HH:mm')} · {v.createdBy ?? t('catalog.common.system')}
            </Typography.Text>
          </span>
        ),
        content: (
          <div>
            <Typography.Paragraph style={{ margin: 0 }} type={v.changeNote ? undefined : 'secondary'}>
              {v.changeNote ?? t('catalog.common.noChangeNote')}
            </Typography.Paragraph>
            {summary ? <div style={{ marginTop: 4 }}>{summary(v)}</div> : null}
          </div>
        ),
      }))}
    />
  )
}

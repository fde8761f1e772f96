import { Card, Descriptions, Typography } from 'antd'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState, PageLoading } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { useDivision } from '../hooks'
import { DivisionKindTag } from './division-kind-tag'

/** Detail panel of the selected division: code, name, level, data year, parent chain and child count. */
export function DivisionDetail({
  code,
  onSelect,
  canOpen,
}: {
  code: string | null
  onSelect: (code: string) => void
  /** Whether a parent can be opened in the tree (parents above the caller's scope are shown as plain text). */
  canOpen: (code: string) => boolean
}) {
  const { t } = useTranslation()
  const query = useDivision(code)
  const division = query.data

  let body: React.ReactNode
  if (!code) body = <EmptyState description={t('directory.divisions.selectHint')} />
  else if (query.isError) body = <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} />
  else if (!division || query.isPending) body = <PageLoading minHeight={160} />
  else {
    const parents = division.path.filter((p) => p.code !== division.code)
    body = (
      <Descriptions
        column={1}
        bordered
        size="small"
        styles={{ label: { width: 120 } }}
        items={[
          {
            key: 'code',
            label: t('directory.divisions.code'),
            children: (
              <Typography.Text copyable data-testid="division-code">
                {division.code}
              </Typography.Text>
            ),
          },
          { key: 'name', label: t('directory.divisions.name'), children: division.name },
          {
            key: 'level',
            label: t('directory.divisions.level'),
            children: labelOf('directory.divisionLevels', division.level),
          },
          { key: 'kind', label: t('directory.divisions.kind'), children: <DivisionKindTag kind={division.kind} /> },
          { key: 'dataYear', label: t('directory.divisions.dataYear'), children: division.dataYear },
          {
            key: 'parents',
            label: t('directory.divisions.parentChain'),
            children:
              parents.length === 0 ? (
                t('directory.divisions.topLevel')
              ) : (
                <span data-testid="division-parents">
                  {parents.map((p, i) => (
                    <Fragment key={p.code}>
                      {i > 0 ? <Typography.Text type="secondary"> / </Typography.Text> : null}
                      {canOpen(p.code) ? (
                        <Typography.Link onClick={() => onSelect(p.code)} title={p.code}>
                          {p.name}
                        </Typography.Link>
                      ) : (
                        <Typography.Text title={p.code}>{p.name}</Typography.Text>
                      )}
                    </Fragment>
                  ))}
                </span>
              ),
          },
          {
            key: 'childCount',
            label: t('directory.divisions.childCount'),
            children: t('directory.divisions.childCountValue', { count: division.childCount }),
          },
        ]}
      />
    )
  }

  return (
    <Card
      title={
        division && code ? `${t('directory.divisions.detail')} · ${division.name}` : t('directory.divisions.detail')
      }
      data-testid="division-detail"
    >
      {body}
    </Card>
  )
}

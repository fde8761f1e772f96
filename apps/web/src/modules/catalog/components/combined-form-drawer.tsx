import { Alert, Drawer, Table, Tabs, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ErrorDisplay } from '../../../shared/error-display'
import { PageLoading } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import type { CombinedField, CombinedMaterial } from '../api'
import { fieldLabelWithUnit } from '../field-text'
import { useCombinedForm } from '../hooks'
import { RequiredTag } from './item-detail-drawer'

/** Items a field or material serves: a count with the item names on hover. */
function UsedBy({ codes, names, themeLabel }: { codes: string[]; names: Map<string, string>; themeLabel: string }) {
  const { t } = useTranslation()
  if (codes.length === 0) return <Tag color="purple">{themeLabel}</Tag>
  return (
    <Tooltip title={codes.map((c) => names.get(c) ?? c).join('、')}>
      <Tag color={codes.length > 1 ? 'blue' : 'default'} style={{ cursor: 'help' }}>
        {t('catalog.common.items', { count: codes.length })}
      </Tag>
    </Tooltip>
  )
}

/** The one form (一张表单) of a theme variant: every field once, every material once, with the items using each. */
export function CombinedFormDrawer({
  open,
  onClose,
  themeCode,
  variant,
  variantName,
}: {
  open: boolean
  onClose: () => void
  themeCode: string
  variant: string | null
  variantName: string
}) {
  const { t } = useTranslation()
  const form = useCombinedForm(themeCode, variant, open)
  const names = new Map((form.data?.items ?? []).map((i) => [i.code, i.name]))
  const themeLabel = t('catalog.themes.usedByTheme')

  let body: React.ReactNode
  if (form.isError) body = <ErrorDisplay error={form.error} onRetry={() => void form.refetch()} />
  else if (!form.data) body = <PageLoading minHeight={200} />
  else {
    const data = form.data
    body = (
      <>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('catalog.themes.combinedFormHint', {
            items: data.items.length,
            fields: data.fields.length,
            materials: data.materials.length,
          })}
        />
        <Tabs
          items={[
            {
              key: 'fields',
              label: t('catalog.items.fields', { count: data.fields.length }),
              children: (
                <Table<CombinedField>
                  rowKey="key"
                  size="small"
                  pagination={false}
                  dataSource={data.fields}
                  columns={[
                    {
                      key: 'label',
                      title: t('catalog.themes.formField'),
                      render: (_, f) => <span>{fieldLabelWithUnit(f)}</span>,
                    },
                    {
                      key: 'type',
                      title: t('catalog.items.fieldType'),
                      width: 100,
                      render: (_, f) => labelOf('catalog.fieldTypes', f.type),
                    },
                    {
                      key: 'required',
                      title: t('catalog.common.required'),
                      width: 80,
                      render: (_, f) => <RequiredTag required={f.required} />,
                    },
                    {
                      key: 'usedBy',
                      title: t('catalog.themes.usedBy'),
                      width: 120,
                      render: (_, f) => <UsedBy codes={f.itemCodes} names={names} themeLabel={themeLabel} />,
                    },
                  ]}
                />
              ),
            },
            {
              key: 'materials',
              label: t('catalog.items.materials', { count: data.materials.length }),
              children: (
                <Table<CombinedMaterial>
                  rowKey="code"
                  size="small"
                  pagination={false}
                  dataSource={data.materials}
                  columns={[
                    {
                      key: 'name',
                      title: t('catalog.themes.materialName'),
                      render: (_, m) => (
                        <div>
                          <div>{m.name}</div>
                          {m.note ? (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {m.note}
                            </Typography.Text>
                          ) : null}
                        </div>
                      ),
                    },
                    {
                      key: 'required',
                      title: t('catalog.common.required'),
                      width: 80,
                      render: (_, m) => <RequiredTag required={m.required} />,
                    },
                    {
                      key: 'usedBy',
                      title: t('catalog.themes.usedBy'),
                      width: 120,
                      render: (_, m) => <UsedBy codes={m.itemCodes} names={names} themeLabel={themeLabel} />,
                    },
                  ]}
                />
              ),
            },
          ]}
        />
      </>
    )
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      title={t('catalog.themes.combinedFormTitle', { name: variantName })}
      destroyOnHidden
    >
      {body}
    </Drawer>
  )
}

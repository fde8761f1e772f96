import EditOutlined from '@ant-design/icons/EditOutlined'
import { Button, Descriptions, Drawer, Space, Table, Tabs, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useAccess } from '../../../access'
import { ErrorDisplay } from '../../../shared/error-display'
import { PageLoading } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import type { FormField, Item, Material } from '../api'
import { fieldLabelWithUnit, optionLabel } from '../field-text'
import { useItem, useItemVersions, useZoneAssessmentKinds } from '../hooks'
import { LimitText } from './limit-text'
import { StageTag } from './stage-tag'
import { VersionTimeline } from './version-timeline'

const FOUR_CERTIFICATES = new Set([
  'real-estate-title',
  'land-use-planning-permit',
  'construction-planning-permit',
  'construction-permit',
])

/** Requirement flag: 必填 in red, 选填 in grey. */
export function RequiredTag({ required }: { required: boolean }) {
  const { t } = useTranslation()
  return required ? <Tag color="red">{t('catalog.common.required')}</Tag> : <Tag>{t('catalog.common.optional')}</Tag>
}

export function MaterialTable({ materials }: { materials: Material[] }) {
  const { t } = useTranslation()
  return (
    <Table<Material>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={materials}
      columns={[
        {
          key: 'name',
          title: t('catalog.items.materialName'),
          render: (_, m) => (
            <div>
              <div>{m.name}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.code}
              </Typography.Text>
            </div>
          ),
        },
        {
          key: 'required',
          title: t('catalog.common.required'),
          width: 80,
          render: (_, m) => <RequiredTag required={m.required} />,
        },
        { key: 'note', title: t('catalog.items.materialNote'), dataIndex: 'note', render: (n?: string) => n ?? '' },
      ]}
    />
  )
}

export function FieldTable({ fields }: { fields: FormField[] }) {
  const { t } = useTranslation()
  return (
    <Table<FormField>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={fields}
      columns={[
        {
          key: 'label',
          title: t('catalog.items.fieldLabel'),
          render: (_, f) => (
            <div>
              <div>{fieldLabelWithUnit(f)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.key}
              </Typography.Text>
            </div>
          ),
        },
        {
          key: 'type',
          title: t('catalog.items.fieldType'),
          width: 110,
          render: (_, f) => (
            <span>
              {labelOf('catalog.fieldTypes', f.type)}
              {f.options?.length ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {f.options.map((o) => optionLabel(f, o)).join(t('catalog.common.listSeparator'))}
                </Typography.Text>
              ) : null}
            </span>
          ),
        },
        {
          key: 'required',
          title: t('catalog.common.required'),
          width: 80,
          render: (_, f) => <RequiredTag required={f.required} />,
        },
      ]}
    />
  )
}

function Overview({ item }: { item: Item }) {
  const { t } = useTranslation()
  const kinds = useZoneAssessmentKinds()
  const zone = kinds.data?.items.find((k) => k.code === item.zoneAssessmentKind)
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      styles={{ label: { width: 150 } }}
      items={[
        {
          key: 'code',
          label: t('catalog.items.code'),
          children: <Typography.Text copyable>{item.code}</Typography.Text>,
        },
        { key: 'department', label: t('catalog.items.department'), children: item.departmentName },
        { key: 'stage', label: t('catalog.items.stage'), children: <StageTag stage={item.stage} /> },
        {
          key: 'limits',
          label: t('catalog.items.limits'),
          children: <LimitText legal={item.legalLimitDays} committed={item.committedLimitDays} />,
        },
        {
          key: 'levels',
          label: t('catalog.items.levels'),
          children: item.levels.map((l) => <Tag key={l}>{labelOf('catalog.levels', l)}</Tag>),
        },
        {
          key: 'online',
          label: t('catalog.items.online'),
          children: item.onlineCapable ? (
            <Tag color="green">{t('catalog.items.onlineYes')}</Tag>
          ) : (
            <Tag>{t('catalog.items.onlineNo')}</Tag>
          ),
        },
        {
          key: 'certificate',
          label: t('catalog.items.certificate'),
          children: item.certificate ? (
            <Space size={4}>
              {item.certificate.name}
              {FOUR_CERTIFICATES.has(item.certificate.kind) ? (
                <Tag color="gold">{t('catalog.items.fourCertificates')}</Tag>
              ) : null}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('catalog.items.noCertificate')}</Typography.Text>
          ),
        },
        {
          key: 'zone',
          label: t('catalog.items.zoneAssessment'),
          children: item.zoneAssessmentKind ? (
            (zone?.name ?? item.zoneAssessmentKind)
          ) : (
            <Typography.Text type="secondary">{t('catalog.items.noZoneAssessment')}</Typography.Text>
          ),
        },
        {
          key: 'deemedConsent',
          label: t('catalog.itemEdit.deemedConsent'),
          children: item.deemedConsent ? t('catalog.common.yes') : t('catalog.common.no'),
        },
        {
          key: 'version',
          label: t('catalog.common.versions'),
          children: `${t('catalog.common.version', { version: item.version })} · ${dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}`,
        },
      ]}
    />
  )
}

/** The item's details in a side drawer: overview, materials, form fields and every version. */
export function ItemDetailDrawer({ code, onClose }: { code: string | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { can } = useAccess()
  const navigate = useNavigate()
  const item = useItem(code)
  const versions = useItemVersions(code)

  let body: React.ReactNode
  if (item.isError) body = <ErrorDisplay error={item.error} onRetry={() => void item.refetch()} />
  else if (!item.data) body = <PageLoading minHeight={200} />
  else {
    const data = item.data
    body = (
      <Tabs
        items={[
          { key: 'overview', label: t('catalog.items.overview'), children: <Overview item={data} /> },
          {
            key: 'materials',
            label: t('catalog.items.materials', { count: data.materials.length }),
            children: <MaterialTable materials={data.materials} />,
          },
          {
            key: 'fields',
            label: t('catalog.items.fields', { count: data.formFields.length }),
            children: <FieldTable fields={data.formFields} />,
          },
          {
            key: 'versions',
            label: t('catalog.common.versions'),
            children: versions.isError ? (
              <ErrorDisplay error={versions.error} onRetry={() => void versions.refetch()} />
            ) : (
              <VersionTimeline
                versions={versions.data?.items ?? []}
                summary={(v) => (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {v.name} · {v.departmentName} · {t('catalog.common.committed')} {v.committedLimitDays} /{' '}
                    {t('catalog.common.legal')} {v.legalLimitDays} ·{' '}
                    {t('catalog.common.items', { count: v.materials.length })}
                  </Typography.Text>
                )}
              />
            ),
          },
        ]}
      />
    )
  }

  return (
    <Drawer
      open={Boolean(code)}
      onClose={onClose}
      size={760}
      title={item.data ? item.data.name : t('catalog.items.detail')}
      extra={
        can('catalog:manage') && code ? (
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => void navigate(`/catalog/items/${encodeURIComponent(code)}/edit`)}
          >
            {t('catalog.common.edit')}
          </Button>
        ) : null
      }
      destroyOnHidden
    >
      {body}
    </Drawer>
  )
}

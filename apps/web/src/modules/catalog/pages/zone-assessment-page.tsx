import EditOutlined from '@ant-design/icons/EditOutlined'
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAccess } from '../../../access'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import type { Park, ZoneAssessmentKind } from '../api'
import { useParks, useUpdateZoneAssessmentKind, useZoneAssessmentKinds } from '../hooks'

const wan = (yuan: number) => Math.round(yuan / 1000) / 10

function EditCostModal({ kind, onClose }: { kind: ZoneAssessmentKind | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ name: string; description?: string; costPerMuYuan: number }>()
  const [error, setError] = useState<unknown>(null)
  const update = useUpdateZoneAssessmentKind()
  return (
    <Modal
      open={Boolean(kind)}
      title={kind ? t('catalog.zone.editCostTitle', { name: kind.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('catalog.common.savePlain')}
      cancelText={t('catalog.common.cancel')}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {error ? <ErrorDisplay error={error} style={{ marginBottom: 16 }} /> : null}
      {kind ? (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            name: kind.name,
            description: kind.description ?? undefined,
            costPerMuYuan: kind.costPerMuYuan,
          }}
          onFinish={(values) => {
            setError(null)
            update.mutate(
              { code: kind.code, input: { ...values, description: values.description?.trim() || undefined } },
              {
                onSuccess: () => {
                  void message.success(t('catalog.zone.saved'))
                  onClose()
                },
                onError: (err) => {
                  if (!applyFormErrors(form, err)) setError(err)
                },
              },
            )
          }}
        >
          <Form.Item name="name" label={t('catalog.zone.kind')} rules={[{ required: true, max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('catalog.zone.kindDescription')} rules={[{ max: 300 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="costPerMuYuan" label={t('catalog.zone.costPerMu')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  )
}

/** 区域评估: parks with completed zone assessments and what they save, and the catalogue of the 11 kinds. */
export default function ZoneAssessmentPage() {
  const { t } = useTranslation()
  const { can } = useAccess()
  const parks = useParks()
  const kinds = useZoneAssessmentKinds()
  const [editing, setEditing] = useState<ZoneAssessmentKind | null>(null)
  const parkList = parks.data?.items ?? []
  const kindCount = kinds.data?.total ?? 11

  const parkColumns: TableColumnsType<Park> = [
    { key: 'name', title: t('catalog.zone.park'), dataIndex: 'name', width: 200 },
    {
      key: 'town',
      title: t('catalog.zone.town'),
      width: 130,
      render: (_, p) => p.divisionName ?? p.divisionCode,
    },
    {
      key: 'area',
      title: t('catalog.zone.area'),
      dataIndex: 'areaMu',
      width: 110,
      align: 'right',
      render: (n: number) => n.toLocaleString(),
    },
    {
      key: 'completed',
      title: t('catalog.zone.completed'),
      render: (_, p) => (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('catalog.zone.completedCount', { done: p.assessments.length, total: kindCount })}
          </Typography.Text>
          <Space size={[4, 4]} wrap style={{ display: 'flex' }}>
            {p.assessments.map((a) => (
              <Tooltip
                key={a.kindCode}
                title={`${t('catalog.zone.reportNo')} ${a.reportNo} · ${t('catalog.zone.completedOn')} ${a.completedOn}`}
              >
                <Tag color="green" style={{ cursor: 'help' }}>
                  {a.kindName}
                </Tag>
              </Tooltip>
            ))}
          </Space>
        </div>
      ),
    },
    {
      key: 'saving',
      title: t('catalog.zone.saving'),
      dataIndex: 'estimatedSavingYuan',
      width: 140,
      align: 'right',
      render: (n: number) => wan(n).toLocaleString(),
    },
  ]

  const kindColumns: TableColumnsType<ZoneAssessmentKind> = [
    {
      key: 'name',
      title: t('catalog.zone.kind'),
      width: 200,
      render: (_, k) => (
        <div>
          <div>{k.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {k.code}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'description', title: t('catalog.zone.kindDescription'), dataIndex: 'description' },
    {
      key: 'items',
      title: t('catalog.zone.satisfies'),
      width: 300,
      render: (_, k) => (
        <Space size={[4, 4]} wrap>
          {k.items.map((i) => (
            <Tag key={i.code} color="blue">
              {i.name}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'cost',
      title: t('catalog.zone.costPerMu'),
      dataIndex: 'costPerMuYuan',
      width: 150,
      align: 'right',
      render: (n: number, k) => (
        <Space>
          {n.toLocaleString()}
          {can('catalog:manage') ? (
            <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(k)}>
              {t('catalog.zone.editCost')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ]

  const totalArea = parkList.reduce((n, p) => n + p.areaMu, 0)
  const totalSaving = parkList.reduce((n, p) => n + p.estimatedSavingYuan, 0)

  return (
    <PageContainer title={t('catalog.zone.title')} description={t('catalog.zone.description')}>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={t('catalog.zone.parkCount')} value={parkList.length} loading={parks.isPending} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={t('catalog.zone.totalArea')} value={totalArea} loading={parks.isPending} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Tooltip title={t('catalog.zone.savingHint')}>
              <Statistic
                title={t('catalog.zone.totalSaving')}
                value={wan(totalSaving)}
                precision={1}
                loading={parks.isPending}
              />
            </Tooltip>
          </Card>
        </Col>
      </Row>
      <Card title={t('catalog.zone.parks')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('catalog.zone.savingHint')}</Typography.Paragraph>
        {parks.isError ? (
          <ErrorDisplay error={parks.error} onRetry={() => void parks.refetch()} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Park>
          rowKey="code"
          size="middle"
          columns={parkColumns}
          dataSource={parkList}
          loading={parks.isFetching}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: parks.isPending ? ' ' : <EmptyState description={t('catalog.zone.empty')} /> }}
        />
      </Card>
      <Card title={t('catalog.zone.kinds', { count: kindCount })}>
        {kinds.isError ? (
          <ErrorDisplay error={kinds.error} onRetry={() => void kinds.refetch()} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<ZoneAssessmentKind>
          rowKey="code"
          size="middle"
          columns={kindColumns}
          dataSource={kinds.data?.items ?? []}
          loading={kinds.isFetching}
          pagination={false}
          scroll={{ x: 900 }}
        />
      </Card>
      <EditCostModal kind={editing} onClose={() => setEditing(null)} />
    </PageContainer>
  )
}

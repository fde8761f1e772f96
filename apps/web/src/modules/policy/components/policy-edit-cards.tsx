import { App, Button, Card, Col, Form, Input, Row, Select, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { labelOf } from '../../../shared/labels'
import { formatDateTime } from '../../workflow/format'
import { INTERPRETATION_KIND_LIST, type InterpretationKind, type PolicyDetail, type PolicyMatch } from '../api'
import { useAddInterpretation, useMatches } from '../hooks'

/** The enterprises a saved policy matched, with why and whether they have read the push. */
export function MatchesCard({ policy }: { policy: PolicyDetail }) {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const matches = useMatches(policy.id, page)
  return (
    <Card
      title={t('policy.edit.matches')}
      extra={
        matches.data ? (
          <Typography.Text type="secondary">
            {t('policy.edit.matchesRead', { read: matches.data.read, total: matches.data.total })}
          </Typography.Text>
        ) : null
      }
      data-testid="policy-matches"
    >
      {matches.isError ? <ErrorDisplay error={matches.error} onRetry={() => void matches.refetch()} /> : null}
      <Table<PolicyMatch>
        rowKey="uscc"
        size="small"
        loading={matches.isPending}
        dataSource={matches.data?.items ?? []}
        pagination={
          (matches.data?.total ?? 0) > 10
            ? { current: page, pageSize: 10, total: matches.data?.total ?? 0, onChange: setPage, size: 'small' }
            : false
        }
        locale={{ emptyText: t('policy.edit.matchesEmpty') }}
        columns={[
          {
            key: 'name',
            title: t('enterprise.fields.name'),
            width: 220,
            render: (_, m) => <Link to={`/enterprise/enterprises/${m.uscc}`}>{m.name}</Link>,
          },
          {
            key: 'reasons',
            title: t('policy.mine.reasons'),
            render: (_, m) => m.reasons.map((r) => <Tag key={r}>{r}</Tag>),
          },
          {
            key: 'read',
            title: t('policy.edit.readAt'),
            width: 150,
            render: (_, m) =>
              m.readAt ? formatDateTime(m.readAt) : <Tag color="orange">{t('policy.mine.unread')}</Tag>,
          },
        ]}
      />
    </Card>
  )
}

/** A saved policy's interpretations (解读), and a form to add one for those who manage policies. */
export function InterpretationsCard({ policy, manage }: { policy: PolicyDetail; manage: boolean }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ kind: InterpretationKind; title: string; body: string; speaker?: string }>()
  const add = useAddInterpretation(policy.id)
  return (
    <Card title={t('policy.edit.interpretations')}>
      {policy.interpretations.map((i) => (
        <div key={i.id} style={{ marginBottom: 8 }}>
          <Tag color="blue">{labelOf('policy.interpretationKind', i.kind)}</Tag>
          <Typography.Text strong>{i.title}</Typography.Text>
          {i.speaker ? <Typography.Text type="secondary"> · {i.speaker}</Typography.Text> : null}
        </div>
      ))}
      {manage ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'graphic' }}
          onFinish={(v) =>
            add.mutate(
              {
                kind: v.kind,
                title: v.title.trim(),
                body: v.body.trim(),
                media: [],
                speaker: v.speaker?.trim() || null,
              },
              {
                onSuccess: () => {
                  void message.success(t('policy.edit.interpretationAdded'))
                  form.resetFields()
                },
              },
            )
          }
          style={{ marginTop: 12 }}
        >
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="kind" label={t('policy.edit.interpretationKind')} rules={[{ required: true }]}>
                <Select
                  options={INTERPRETATION_KIND_LIST.map((k) => ({
                    value: k,
                    label: labelOf('policy.interpretationKind', k),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="title" label={t('policy.edit.interpretationTitle')} rules={[{ required: true }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="speaker" label={t('policy.edit.interpretationSpeaker')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="body" label={t('policy.edit.interpretationBody')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          {add.isError ? <ErrorDisplay error={add.error} style={{ marginBottom: 12 }} /> : null}
          <Button htmlType="submit" loading={add.isPending}>
            {t('policy.edit.addInterpretation')}
          </Button>
        </Form>
      ) : null}
    </Card>
  )
}

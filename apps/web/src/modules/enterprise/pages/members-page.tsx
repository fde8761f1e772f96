import { App, Button, Card, Form, Input, Modal, Segmented, Space, Table, type TableColumnsType, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { formatDateTime } from '../../workflow/format'
import { MEMBER_STATUS_LIST, type Member, type MemberStatus } from '../api'
import { MemberStatusTag } from '../components/tags'
import { useDecideMember, useMembers } from '../hooks'

/** 企业账号审核: self-registered enterprise accounts waiting for verification; verify or reject with a reason. */
export default function MembersPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [params, setParams] = useSearchParams()
  const status = (MEMBER_STATUS_LIST as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as MemberStatus)
    : 'pending'
  const [page, setPage] = useState(1)
  const list = useMembers({ page, pageSize: 20, status })
  const decide = useDecideMember()
  const [rejecting, setRejecting] = useState<Member | null>(null)
  const [form] = Form.useForm<{ reason: string }>()

  const columns: TableColumnsType<Member> = [
    {
      key: 'enterprise',
      title: t('enterprise.members.columns.enterprise'),
      render: (_, m) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{m.enterpriseName}</Typography.Text>
          <Typography.Text type="secondary" copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {m.uscc}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'username', title: t('enterprise.members.columns.username'), dataIndex: 'username' },
    {
      key: 'contact',
      title: t('enterprise.members.columns.contact'),
      render: (_, m) => `${m.contactName} ${m.mobileMasked ?? ''}`,
    },
    {
      key: 'createdAt',
      title: t('enterprise.members.columns.createdAt'),
      render: (_, m) => formatDateTime(m.createdAt),
    },
    {
      key: 'status',
      title: t('enterprise.members.columns.status'),
      render: (_, m) => <MemberStatusTag status={m.status} />,
    },
    status === 'pending'
      ? {
          key: 'actions',
          title: t('enterprise.members.columns.actions'),
          render: (_, m) => (
            <Space>
              <Button
                size="small"
                type="primary"
                loading={decide.isPending && decide.variables?.id === m.id && decide.variables.approve}
                onClick={() =>
                  decide.mutate(
                    { id: m.id, approve: true },
                    {
                      onSuccess: () => void message.success(t('enterprise.members.verified')),
                      onError: (err) => void message.error(err.message),
                    },
                  )
                }
              >
                {t('enterprise.members.verify')}
              </Button>
              <Button size="small" danger onClick={() => setRejecting(m)}>
                {t('enterprise.members.reject')}
              </Button>
            </Space>
          ),
        }
      : {
          key: 'decided',
          title: t('enterprise.members.columns.decided'),
          render: (_, m) => (
            <Space orientation="vertical" size={0}>
              <span>
                {m.decidedByName ?? ''} {formatDateTime(m.decidedAt)}
              </span>
              {m.reason ? <Typography.Text type="secondary">{m.reason}</Typography.Text> : null}
            </Space>
          ),
        },
  ]

  return (
    <PageContainer title={t('enterprise.members.title')} description={t('enterprise.members.description')}>
      <Card>
        <Segmented<MemberStatus>
          value={status}
          onChange={(v) => {
            setPage(1)
            setParams(v === 'pending' ? {} : { status: v }, { replace: true })
          }}
          options={MEMBER_STATUS_LIST.map((s) => ({ value: s, label: labelOf('enterprise.memberStatus', s) }))}
          style={{ marginBottom: 16 }}
        />
        {list.isError ? (
          <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Member>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          scroll={{ x: 'max-content' }}
          pagination={
            (list.data?.total ?? 0) > 20
              ? { current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }
              : false
          }
          locale={{ emptyText: list.isPending ? ' ' : <EmptyState description={t('enterprise.members.empty')} /> }}
          data-testid="members-table"
        />
      </Card>
      <Modal
        open={Boolean(rejecting)}
        title={t('enterprise.members.rejectTitle')}
        okText={t('enterprise.members.reject')}
        okButtonProps={{ danger: true }}
        confirmLoading={decide.isPending}
        onOk={() => form.submit()}
        onCancel={() => setRejecting(null)}
        destroyOnHidden
      >
        {rejecting ? (
          <Typography.Paragraph>
            {rejecting.enterpriseName}（{rejecting.uscc}）
          </Typography.Paragraph>
        ) : null}
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            rejecting &&
            decide.mutate(
              { id: rejecting.id, approve: false, reason: v.reason.trim() },
              {
                onSuccess: () => {
                  void message.success(t('enterprise.members.rejected'))
                  setRejecting(null)
                  form.resetFields()
                },
                onError: (err) => void applyFormErrors(form, err),
              },
            )
          }
        >
          <Form.Item
            name="reason"
            label={t('enterprise.members.reason')}
            rules={[{ required: true, min: 2, whitespace: true, message: t('enterprise.members.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  )
}

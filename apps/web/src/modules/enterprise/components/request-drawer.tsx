import { App, Button, Descriptions, Drawer, Flex, Form, Input, Modal, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { PageLoading } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { RatingForm } from '../../rating/components/rating-form'
import { RatingResult } from '../../rating/components/rating-result'
import { formatDate, formatDateTime } from '../../workflow/format'
import type { ServiceRequestAction } from '../api'
import { useRateRequest, useRequest, useRequestAction } from '../hooks'
import { RequestStatusTag } from './tags'

const NEEDS_COMMENT: ReadonlySet<ServiceRequestAction> = new Set(['decline', 'complete'])

/**
 * One service request: what was asked, its progress, and the buttons the server says the caller may use now
 * (provider: accept / decline / complete with the result; enterprise: withdraw, then rate once completed).
 */
export function RequestDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const detail = useRequest(id ?? undefined)
  const act = useRequestAction()
  const rate = useRateRequest()
  const [pending, setPending] = useState<ServiceRequestAction | null>(null)
  const [form] = Form.useForm<{ comment: string }>()
  const r = detail.data

  const run = (action: ServiceRequestAction, comment?: string) => {
    if (!r) return
    act.mutate(
      { id: r.id, action, ...(comment ? { comment } : {}) },
      {
        onSuccess: () => {
          void message.success(t('enterprise.request.done', { action: labelOf('enterprise.action', action) }))
          setPending(null)
          form.resetFields()
        },
        onError: (err) => {
          if (!applyFormErrors(form, err)) void message.error((err as Error).message)
        },
      },
    )
  }

  const buttons = (r?.actions ?? []).filter((a): a is ServiceRequestAction => a !== 'rate')
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={600}
      title={r ? t('enterprise.request.detailTitle', { number: r.number }) : ' '}
      destroyOnHidden
    >
      {detail.isPending ? <PageLoading /> : null}
      {detail.isError ? <ErrorDisplay error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {r ? (
        <Flex vertical gap={16} data-testid="request-drawer">
          <Flex gap={8} align="center" wrap>
            <span data-testid="request-status">
              <RequestStatusTag status={r.status} />
            </span>
            <Typography.Text strong>{r.serviceName}</Typography.Text>
          </Flex>
          {buttons.length ? (
            <Flex gap={8} wrap data-testid="request-actions">
              {buttons.map((a) => (
                <Button
                  key={a}
                  type={a === 'accept' || a === 'complete' ? 'primary' : 'default'}
                  danger={a === 'decline'}
                  loading={act.isPending && act.variables?.action === a}
                  onClick={() => (NEEDS_COMMENT.has(a) ? setPending(a) : run(a))}
                >
                  {labelOf('enterprise.action', a)}
                </Button>
              ))}
            </Flex>
          ) : null}
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { width: 112, whiteSpace: 'nowrap' } }}
            items={[
              {
                key: 'module',
                label: t('enterprise.request.service'),
                children: `${labelOf('enterprise.module', r.module)} · ${r.serviceName}`,
              },
              { key: 'provider', label: t('enterprise.request.provider'), children: r.providerName },
              { key: 'enterprise', label: t('enterprise.request.enterprise'), children: r.enterpriseName },
              {
                key: 'contact',
                label: t('enterprise.request.contact'),
                children: `${r.contactName} ${r.contactMobile}`,
              },
              { key: 'submitted', label: t('enterprise.request.submittedAt'), children: formatDateTime(r.submittedAt) },
              ...(r.closedAt
                ? [{ key: 'closed', label: t('enterprise.request.closedAt'), children: formatDateTime(r.closedAt) }]
                : []),
              {
                key: 'description',
                label: t('enterprise.request.description'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.description}</span>,
              },
              ...(r.result
                ? [
                    {
                      key: 'result',
                      label: t('enterprise.request.result'),
                      children: (
                        <span style={{ whiteSpace: 'pre-wrap' }} data-testid="request-result">
                          {r.result}
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('enterprise.request.history')}</Typography.Title>
            <Timeline
              items={r.history.map((h, i) => ({
                key: `${h.at}-${i}`,
                content: (
                  <div>
                    <Typography.Text strong>{labelOf('enterprise.action', h.action)}</Typography.Text>{' '}
                    <Typography.Text type="secondary">
                      {labelOf('enterprise.requestStatus', h.to)} · {h.actorName ?? ''} · {formatDateTime(h.at)}
                    </Typography.Text>
                    {h.comment ? <div style={{ whiteSpace: 'pre-wrap' }}>{h.comment}</div> : null}
                  </div>
                ),
              }))}
            />
          </div>
          {r.rating ? (
            <RatingResult
              level={r.rating.level}
              createdAt={r.rating.createdAt}
              mine={r.actions.length === 0}
              formatDate={formatDate}
            />
          ) : r.actions.includes('rate') ? (
            <RatingForm
              title={t('enterprise.request.rateTitle')}
              intro={t('enterprise.request.rateIntro')}
              onSubmit={(input) => rate.mutateAsync({ id: r.id, input })}
            />
          ) : null}
        </Flex>
      ) : null}
      <Modal
        open={Boolean(pending)}
        title={pending ? labelOf('enterprise.action', pending) : ''}
        confirmLoading={act.isPending}
        onOk={() => form.submit()}
        onCancel={() => setPending(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => pending && run(pending, v.comment.trim())}>
          <Form.Item
            name="comment"
            label={pending === 'complete' ? t('enterprise.request.resultLabel') : t('enterprise.request.commentLabel')}
            rules={[{ required: true, whitespace: true, message: t('enterprise.request.commentRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  )
}

import PhoneOutlined from '@ant-design/icons/PhoneOutlined'
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Radio,
  Row,
  Switch,
  Typography,
} from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { EmptyState, PageLoading } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { formatDateTime } from '../../workflow/format'
import { FOLLOWUP_RESULT_LIST, type FollowupResult, type OrderDetail } from '../api'
import { FlagTags, RequestTypeTag } from '../components/tags'
import { useOrder, useOrderAction, useOrders } from '../hooks'
import '../hotline.css'

interface Values {
  result?: FollowupResult
  solved?: boolean
  note?: string
  closeAnyway?: boolean
}

/** The quick result form of one call: result (keys 1–4), solved, note; 不满意 reopens unless closed anyway. */
function CallForm({ order, onDone }: { order: OrderDetail; onDone: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const action = useOrderAction(order.id)
  const result = Form.useWatch('result', form)
  const [error, setError] = useState<unknown>(null)

  // Keys 1–4 pick the result while the focus is not in a text field.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const tag = (e.target as HTMLElement).tagName
      if (tag === 'INPUT' || tag === 'TEXTAREA' || e.ctrlKey || e.metaKey || e.altKey) return
      const index = Number(e.key) - 1
      const picked = FOLLOWUP_RESULT_LIST[index]
      if (picked) {
        form.setFieldsValue({ result: picked, solved: picked === 'satisfied' || picked === 'basically_satisfied' })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [form])

  const submit = async () => {
    const v = await form.validateFields()
    setError(null)
    try {
      await action.mutateAsync({
        path: 'follow-up',
        body: {
          result: v.result ?? 'satisfied',
          solved: v.solved,
          note: v.note?.trim() || undefined,
          closeAnyway: v.result === 'unsatisfied' && Boolean(v.closeAnyway),
        },
      })
      void message.success(
        t('hotline.followup.saved', { number: order.number, result: labelOf('hotline.followupResult', v.result) }),
      )
      form.resetFields()
      onDone()
    } catch (err) {
      if (!applyFormErrors(form, err)) setError(err)
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={() => void submit().catch(() => undefined)}
      onValuesChange={(changed: Values) => {
        if (changed.result)
          form.setFieldValue('solved', changed.result === 'satisfied' || changed.result === 'basically_satisfied')
      }}
      data-testid="followup-form"
    >
      <Form.Item
        name="result"
        label={t('hotline.followup.result')}
        rules={[{ required: true, message: t('hotline.followup.resultRequired') }]}
        extra={t('hotline.followup.keys')}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={FOLLOWUP_RESULT_LIST.map((r) => ({ value: r, label: labelOf('hotline.followupResult', r) }))}
        />
      </Form.Item>
      <Form.Item
        name="solved"
        label={t('hotline.followup.solved')}
        valuePropName="checked"
        extra={t('hotline.followup.solvedHelp')}
      >
        <Switch />
      </Form.Item>
      {result === 'unsatisfied' ? (
        <Form.Item name="closeAnyway" valuePropName="checked" extra={t('hotline.followup.closeAnywayHelp')}>
          <Checkbox>{t('hotline.followup.closeAnyway')}</Checkbox>
        </Form.Item>
      ) : null}
      <Form.Item name="note" label={t('hotline.followup.note')}>
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('hotline.followup.notePlaceholder')} />
      </Form.Item>
      <ErrorDisplay error={error} style={{ marginBottom: 12 }} />
      <Button type="primary" htmlType="submit" loading={action.isPending}>
        {t('hotline.followup.submit')}
      </Button>
    </Form>
  )
}

function CallPanel({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation()
  const query = useOrder(id)
  const order = query.data
  if (query.isError) return <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} />
  if (!order) return <PageLoading />
  return (
    <Card
      title={
        <Flex gap={8} align="center" wrap>
          <Link to={`/hotline/orders/${order.id}`}>{order.number}</Link>
          <RequestTypeTag type={order.requestType} />
          <FlagTags supervised={order.supervised} reopenCount={order.reopenCount} />
        </Flex>
      }
      data-testid="followup-call"
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'caller',
            label: t('hotline.order.caller'),
            children: (
              <span>
                <PhoneOutlined /> {order.callerName} · <Typography.Text copyable>{order.callerPhone}</Typography.Text>
              </span>
            ),
          },
          { key: 'title', label: t('hotline.order.title'), children: order.title },
          { key: 'unit', label: t('hotline.order.unit'), children: order.unit?.name ?? '—' },
          {
            key: 'reply',
            label: t('hotline.order.reply'),
            children: (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="followup-reply">
                {order.publicReply ?? order.reply?.text ?? '—'}
              </Typography.Paragraph>
            ),
          },
        ]}
        style={{ marginBottom: 16 }}
      />
      {order.actions.includes('follow_up') ? (
        <CallForm key={order.id} order={order} onDone={onDone} />
      ) : (
        <EmptyState description={t('hotline.followup.notDue')} />
      )}
    </Card>
  )
}

/** 回访: the queue of 待回访 orders, oldest reply first, and the call form for the one selected. */
export default function FollowUpPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const queue = useOrders({ status: 'followup', page: 1, pageSize: 200 }, { refetchInterval: 30_000 })
  const items = useMemo(
    () => [...(queue.data?.items ?? [])].sort((a, b) => (a.repliedAt ?? '').localeCompare(b.repliedAt ?? '')),
    [queue.data],
  )
  const selected = params.get('id') ?? items[0]?.id ?? null
  const select = (id: string | null) => setParams(id ? { id } : {}, { replace: true })

  return (
    <PageContainer title={t('hotline.followup.title')} description={t('hotline.followup.description')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card
            title={t('hotline.followup.queue', { count: items.length })}
            size="small"
            styles={{ body: { padding: 0 } }}
          >
            {queue.isError ? <ErrorDisplay error={queue.error} onRetry={() => void queue.refetch()} /> : null}
            <List
              className="ruyu-hotline-queue"
              loading={queue.isPending}
              dataSource={items}
              locale={{ emptyText: <EmptyState description={t('hotline.followup.empty')} /> }}
              renderItem={(o) => (
                <List.Item
                  key={o.id}
                  aria-selected={o.id === selected}
                  onClick={() => select(o.id)}
                  data-testid="followup-item"
                  tabIndex={0}
                  onKeyDown={(e) => e.key === 'Enter' && select(o.id)}
                >
                  <div style={{ minWidth: 0, width: '100%' }}>
                    <Flex justify="space-between" gap={8}>
                      <Typography.Text strong className="ruyu-hotline-number">
                        {o.number}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(o.repliedAt)}
                      </Typography.Text>
                    </Flex>
                    <Typography.Text ellipsis style={{ display: 'block' }}>
                      {o.title}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {o.unit?.name ?? ''}
                      {o.reopenCount ? ` · ${t('hotline.order.reopened', { count: o.reopenCount })}` : ''}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          {selected ? (
            <CallPanel
              id={selected}
              onDone={() => {
                const next = items.find((o) => o.id !== selected)
                select(next?.id ?? null)
              }}
            />
          ) : (
            <Card>
              <EmptyState description={t('hotline.followup.pick')} />
            </Card>
          )}
        </Col>
      </Row>
    </PageContainer>
  )
}

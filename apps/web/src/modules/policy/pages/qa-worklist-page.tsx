import {
  App,
  Button,
  Card,
  Drawer,
  Flex,
  Form,
  Input,
  Rate,
  Segmented,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { PageContainer } from '../../../shared/page-container'
import { formatDateTime } from '../../workflow/format'
import type { Question, QuestionStatus } from '../api'
import { QuestionSlaTag, QuestionStatusTag } from '../components/tags'
import { useAnswerQuestion, usePublishFaq, useQuestions } from '../hooks'
import '../policy.css'

const VIEWS = ['open', 'answered'] as const satisfies readonly QuestionStatus[]

const byDue = (a: Question, b: Question) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999')

/**
 * 政策问答 (department staff): questions routed to the department, soonest 24-hour deadline first, with the
 * countdown; answer in a drawer; publish a good answer as an FAQ on the policy.
 */
export default function QaWorklistPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const view: QuestionStatus = params.get('view') === 'answered' ? 'answered' : 'open'
  const [selected, setSelected] = useState<Question | null>(null)
  const list = useQuestions({ page: 1, pageSize: 200, status: view })
  const rows = useMemo(() => [...(list.data?.items ?? [])].sort(view === 'open' ? byDue : () => 0), [list.data, view])

  const columns: TableColumnsType<Question> = [
    view === 'open'
      ? { key: 'sla', title: t('policy.questions.columns.sla'), render: (_, q) => <QuestionSlaTag question={q} /> }
      : {
          key: 'rating',
          title: t('policy.questions.columns.rating'),
          render: (_, q) =>
            q.ratingLevel ? (
              <Rate disabled value={q.ratingLevel} style={{ fontSize: 12, whiteSpace: 'nowrap' }} />
            ) : (
              <Typography.Text type="secondary">{t('policy.questions.notRated')}</Typography.Text>
            ),
        },
    {
      key: 'question',
      title: t('policy.questions.columns.question'),
      render: (_, q) => (
        <Typography.Text ellipsis style={{ maxWidth: 260 }}>
          {q.question}
        </Typography.Text>
      ),
    },
    {
      key: 'policy',
      title: t('policy.questions.columns.policy'),
      render: (_, q) => (
        <Typography.Text ellipsis style={{ maxWidth: 180 }}>
          <Link to={`/policy/library/${q.policyId}`} onClick={(e) => e.stopPropagation()}>
            {q.policyTitle}
          </Link>
        </Typography.Text>
      ),
    },
    { key: 'enterprise', title: t('policy.questions.columns.enterprise'), dataIndex: 'enterpriseName' },
    { key: 'askedAt', title: t('policy.questions.columns.askedAt'), render: (_, q) => formatDateTime(q.askedAt) },
    {
      key: 'action',
      title: '',
      render: (_, q) => (
        <Button size="small" type={q.status === 'open' ? 'primary' : 'default'}>
          {q.status === 'open' ? t('policy.questions.answer') : t('common.actions.open')}
        </Button>
      ),
    },
  ]

  return (
    <PageContainer title={t('policy.questions.title')} description={t('policy.questions.description')}>
      <Card>
        <Segmented<QuestionStatus>
          value={view}
          onChange={(v) => setParams(v === 'open' ? {} : { view: v }, { replace: true })}
          options={VIEWS.map((v) => ({ value: v, label: t(`policy.questions.views.${v}`) }))}
          style={{ marginBottom: 16 }}
        />
        {list.isError ? (
          <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<Question>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={list.isPending}
          scroll={{ x: 'max-content' }}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          onRow={(q) => ({ onClick: () => setSelected(q), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: list.isPending ? (
              ' '
            ) : (
              <EmptyState
                description={view === 'open' ? t('policy.questions.empty') : t('policy.questions.emptyAnswered')}
              />
            ),
          }}
          data-testid="qa-table"
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {t('policy.sla.help')}
        </Typography.Paragraph>
      </Card>
      <QuestionDrawer question={selected} onClose={() => setSelected(null)} onChanged={setSelected} />
    </PageContainer>
  )
}

function QuestionDrawer({
  question: q,
  onClose,
  onChanged,
}: {
  question: Question | null
  onClose: () => void
  onChanged: (q: Question) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ answer: string }>()
  const [faqForm] = Form.useForm<{ question: string; answer: string }>()
  const [faqOpen, setFaqOpen] = useState(false)
  const answer = useAnswerQuestion()
  const publish = usePublishFaq()

  return (
    <Drawer
      open={Boolean(q)}
      onClose={() => {
        setFaqOpen(false)
        onClose()
      }}
      size={560}
      title={q?.status === 'open' ? t('policy.questions.answerTitle') : q?.policyTitle}
      destroyOnHidden
    >
      {q ? (
        <Flex vertical gap={12} data-testid="question-drawer">
          <Flex gap={8} wrap align="center">
            <QuestionStatusTag status={q.status} />
            <QuestionSlaTag question={q} />
            <Typography.Text type="secondary">
              {q.enterpriseName} · {formatDateTime(q.askedAt)}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary">
            {t('policy.questions.columns.policy')}：<Link to={`/policy/library/${q.policyId}`}>{q.policyTitle}</Link>
          </Typography.Text>
          <div className="ruyu-policy-reasons">
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{q.question}</Typography.Paragraph>
          </div>
          {q.status === 'open' ? (
            <Form
              form={form}
              layout="vertical"
              onFinish={(v) =>
                answer.mutate(
                  { id: q.id, answer: v.answer.trim() },
                  {
                    onSuccess: (next) => {
                      void message.success(t('policy.questions.answered'))
                      onChanged(next as Question)
                    },
                    onError: (err) => void applyFormErrors(form, err),
                  },
                )
              }
            >
              <Form.Item
                name="answer"
                label={t('policy.questions.answerLabel')}
                rules={[{ required: true, min: 2, whitespace: true, message: t('policy.questions.answerRequired') }]}
              >
                <Input.TextArea rows={6} maxLength={5000} showCount />
              </Form.Item>
              {answer.isError ? <ErrorDisplay error={answer.error} style={{ marginBottom: 12 }} /> : null}
              <Button type="primary" htmlType="submit" loading={answer.isPending}>
                {t('policy.questions.answerSubmit')}
              </Button>
            </Form>
          ) : (
            <>
              <div className="ruyu-policy-answer" data-testid="question-answer">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {q.answeredBy ?? q.departmentName} ·{' '}
                  {t('policy.questions.answeredAt', { at: formatDateTime(q.answeredAt) })}
                </Typography.Text>
                <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                  {q.answer}
                </Typography.Paragraph>
              </div>
              {q.ratingLevel ? <Rate disabled value={q.ratingLevel} /> : null}
              {q.faqId ? (
                <Typography.Text type="success">{t('policy.questions.faqPublished')}</Typography.Text>
              ) : faqOpen ? (
                <Form
                  form={faqForm}
                  layout="vertical"
                  initialValues={{ question: q.question, answer: q.answer ?? '' }}
                  onFinish={(v) =>
                    publish.mutate(
                      { id: q.id, question: v.question.trim(), answer: v.answer.trim() },
                      {
                        onSuccess: (faq) => {
                          void message.success(t('policy.questions.faqPublished'))
                          setFaqOpen(false)
                          onChanged({ ...q, faqId: (faq as { id: string }).id })
                        },
                        onError: (err) => void applyFormErrors(faqForm, err),
                      },
                    )
                  }
                >
                  <Form.Item
                    name="question"
                    label={t('policy.questions.faqQuestion')}
                    rules={[{ required: true, min: 2 }]}
                  >
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                  <Form.Item name="answer" label={t('policy.questions.faqAnswer')} rules={[{ required: true, min: 2 }]}>
                    <Input.TextArea rows={5} maxLength={5000} />
                  </Form.Item>
                  {publish.isError ? <ErrorDisplay error={publish.error} style={{ marginBottom: 12 }} /> : null}
                  <Button type="primary" htmlType="submit" loading={publish.isPending}>
                    {t('policy.questions.publishFaq')}
                  </Button>
                </Form>
              ) : (
                <div>
                  <Button onClick={() => setFaqOpen(true)}>{t('policy.questions.publishFaq')}</Button>
                </div>
              )}
            </>
          )}
        </Flex>
      ) : null}
    </Drawer>
  )
}

import { App, Button, Flex, List, Modal, Rate, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { RatingForm } from '../../rating/components/rating-form'
import { formatDateTime } from '../../workflow/format'
import type { Question } from '../api'
import { useMyQuestions, useRateAnswer } from '../hooks'
import { QuestionSlaTag, QuestionStatusTag } from './tags'

/** The enterprise's questions: the answer when there is one, and the 好差评 of the answer. */
export function MyQuestions({ pageSize = 10 }: { pageSize?: number }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [page, setPage] = useState(1)
  const [rating, setRating] = useState<Question | null>(null)
  const list = useMyQuestions({ page, pageSize })
  const rate = useRateAnswer()
  if (list.isError) return <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} />
  return (
    <>
      <List<Question>
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: list.isPending ? ' ' : <EmptyState description={t('policy.questions.mineEmpty')} /> }}
        pagination={
          (list.data?.total ?? 0) > pageSize
            ? { current: page, pageSize, total: list.data?.total ?? 0, onChange: setPage, size: 'small' }
            : false
        }
        renderItem={(q) => (
          <List.Item key={q.id} style={{ display: 'block', paddingInline: 0 }} data-testid="my-question">
            <Flex gap={8} align="center" wrap style={{ marginBottom: 4 }}>
              <QuestionStatusTag status={q.status} />
              <QuestionSlaTag question={q} />
              <Link to={`/policy/library/${q.policyId}`} style={{ fontSize: 12 }}>
                {q.policyTitle}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(q.askedAt)}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ marginBottom: 4 }} strong>
              {q.question}
            </Typography.Paragraph>
            {q.answer ? (
              <div className="ruyu-policy-answer" data-testid="question-answer">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {q.departmentName} · {t('policy.questions.answeredAt', { at: formatDateTime(q.answeredAt) })}
                </Typography.Text>
                <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                  {q.answer}
                </Typography.Paragraph>
              </div>
            ) : (
              <Typography.Text type="secondary">
                {t('policy.questions.waiting')} · {q.departmentName}
              </Typography.Text>
            )}
            {q.status === 'answered' ? (
              <div style={{ marginTop: 6 }}>
                {q.ratingLevel ? (
                  <span data-testid="question-rated" data-level={q.ratingLevel}>
                    <Rate disabled value={q.ratingLevel} style={{ fontSize: 14 }} />
                  </span>
                ) : (
                  <Button size="small" type="primary" ghost onClick={() => setRating(q)}>
                    {t('policy.questions.rate')}
                  </Button>
                )}
              </div>
            ) : null}
          </List.Item>
        )}
      />
      <Modal
        open={Boolean(rating)}
        title={t('policy.questions.rate')}
        footer={null}
        onCancel={() => setRating(null)}
        destroyOnHidden
      >
        {rating ? (
          <RatingForm
            title=""
            intro={t('policy.questions.rateIntro')}
            onSubmit={(input) =>
              rate
                .mutateAsync({
                  id: rating.id,
                  level: input.level,
                  comment: input.comment ?? null,
                  ...(input.reasons ? { reasons: [...input.reasons] } : {}),
                })
                .then(() => {
                  void message.success(t('policy.questions.rated', { level: input.level }))
                  setRating(null)
                })
            }
          />
        ) : null}
      </Modal>
    </>
  )
}

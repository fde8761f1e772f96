import { BAD_RATING_REASONS, RATING_LEVELS, type SubmitRating } from '@ruyu/contracts/rating'
import { Button, Checkbox, Form, Input, Radio, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { labelOf } from '../../../shared/labels'

/** Levels 1–2 are 差评 and need at least one reason (GB/T 39734). */
export const BAD_LEVEL_MAX = 2

type Values = { level?: number; reasons?: string[]; comment?: string }

/**
 * 好差评 form: five levels from 非常满意 to 非常不满意, reasons required for a bad rating, free comment. The caller
 * sends it (the endpoint belongs to the rated subject's module) and may reject with the server's error.
 */
export function RatingForm({
  onSubmit,
  title,
  intro,
}: {
  onSubmit: (input: SubmitRating) => Promise<unknown>
  /** Heading (`''`: none, e.g. inside a titled dialog) and intro for what is rated (default: an approval case). */
  title?: string
  intro?: string
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const level = Form.useWatch('level', form)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const bad = typeof level === 'number' && level <= BAD_LEVEL_MAX

  const submit = async (values: Values) => {
    setBusy(true)
    setError(null)
    try {
      await onSubmit({
        level: values.level as SubmitRating['level'],
        reasons: bad && values.reasons?.length ? (values.reasons as SubmitRating['reasons']) : undefined,
        comment: values.comment?.trim() || undefined,
        channel: 'online',
      })
    } catch (err) {
      if (!applyFormErrors(form, err)) setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="rating-form">
      {title === '' ? null : (
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {title ?? t('rating.form.title')}
        </Typography.Title>
      )}
      <Typography.Paragraph type="secondary">{intro ?? t('rating.form.intro')}</Typography.Paragraph>
      <Form.Item
        name="level"
        label={t('rating.form.level')}
        rules={[{ required: true, message: t('rating.form.levelRequired') }]}
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
          options={[...RATING_LEVELS].reverse().map((value) => ({
            value,
            label: labelOf('rating.levels', String(value)),
          }))}
        />
      </Form.Item>
      {bad ? (
        <Form.Item
          name="reasons"
          label={t('rating.form.reasons')}
          rules={[{ required: true, type: 'array', min: 1, message: t('rating.form.reasonsRequired') }]}
        >
          <Checkbox.Group
            options={BAD_RATING_REASONS.map((value) => ({ value, label: labelOf('rating.reasons', value) }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="comment" label={t('rating.form.comment')}>
        <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('rating.form.commentPlaceholder')} />
      </Form.Item>
      <ErrorDisplay error={error} style={{ marginBottom: 16 }} />
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('rating.form.submit')}
      </Button>
    </Form>
  )
}

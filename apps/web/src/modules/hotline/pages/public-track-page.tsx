import { Button, Descriptions, Form, Input, Segmented, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ErrorDisplay } from '../../../shared/error-display'
import { PageLoading } from '../../../shared/feedback'
import { labelOf } from '../../../shared/labels'
import { PlainCard as Card } from '../../../shared/plain-card'
import { formatDateTime } from '../../workflow/format'
import type { PublicTrack } from '../api'
import { PublicShell } from '../components/public-shell'
import { PublicStatusTag } from '../components/tags'
import { usePublicTrack } from '../hooks'

type Mode = 'token' | 'number'

function TrackResult({ data }: { data: PublicTrack }) {
  const { t } = useTranslation()
  return (
    <Card data-testid="track-result" style={{ marginTop: 12 }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'number',
            label: t('hotline.public.number'),
            children: <span data-testid="track-number">{data.number}</span>,
          },
          {
            key: 'status',
            label: t('hotline.public.status'),
            children: (
              <span data-testid="track-status">
                <PublicStatusTag status={data.publicStatus} name={data.publicStatusName} />
              </span>
            ),
          },
          {
            key: 'type',
            label: t('hotline.intake.requestType'),
            children: labelOf('hotline.requestType', data.requestType),
          },
          ...(data.categoryName
            ? [{ key: 'cat', label: t('hotline.order.category'), children: data.categoryName }]
            : []),
          { key: 'received', label: t('hotline.public.receivedAt'), children: formatDateTime(data.receivedAt) },
          ...(data.closedAt
            ? [{ key: 'closed', label: t('hotline.order.closedAt'), children: formatDateTime(data.closedAt) }]
            : []),
          ...(data.mergedIntoNumber
            ? [{ key: 'merged', label: t('hotline.public.mergedInto'), children: data.mergedIntoNumber }]
            : []),
        ]}
      />
      {data.publicReply ? (
        <>
          <Typography.Title level={5}>{t('hotline.public.reply')}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="track-reply">
            {data.publicReply}
          </Typography.Paragraph>
        </>
      ) : null}
      <Typography.Title level={5}>{t('hotline.public.progress')}</Typography.Title>
      <Timeline
        data-testid="track-timeline"
        items={[...data.milestones]
          .sort((a, b) => a.at.localeCompare(b.at))
          .map((m, i) => ({
            key: `${m.at}-${i}`,
            color: i === data.milestones.length - 1 ? 'green' : 'blue',
            content: (
              <div>
                <Typography.Text strong>{m.label}</Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(m.at)}
                  </Typography.Text>
                </div>
              </div>
            ),
          }))}
      />
    </Card>
  )
}

/** 查询办理进度: by the tracking code from the receipt, or by number + the last 4 digits of the phone. */
export default function PublicTrackPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const token = params.get('token') ?? undefined
  const number = params.get('number') ?? undefined
  const phoneLast4 = params.get('phone4') ?? undefined
  const [mode, setMode] = useState<Mode>(number ? 'number' : 'token')
  const query = usePublicTrack(token ? { token } : number && phoneLast4 ? { number, phoneLast4 } : null)

  return (
    <PublicShell title={t('hotline.public.trackTitle')}>
      <Card>
        <Segmented<Mode>
          block
          value={mode}
          onChange={setMode}
          options={[
            { value: 'token', label: t('hotline.public.byToken') },
            { value: 'number', label: t('hotline.public.byNumber') },
          ]}
          style={{ marginBottom: 16 }}
        />
        {mode === 'token' ? (
          <Form
            key="token"
            layout="vertical"
            initialValues={{ token }}
            onFinish={(v: { token: string }) => setParams({ token: v.token.trim() })}
          >
            <Form.Item
              name="token"
              label={t('hotline.public.token')}
              rules={[
                { required: true, whitespace: true, message: t('hotline.public.tokenRequired') },
                { pattern: /^\s*[A-Za-z0-9]{8,64}\s*$/, message: t('hotline.public.tokenInvalid') },
              ]}
            >
              <Input autoComplete="off" autoCapitalize="off" spellCheck={false} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large">
              {t('hotline.public.track')}
            </Button>
          </Form>
        ) : (
          <Form
            key="number"
            layout="vertical"
            initialValues={{ number, phoneLast4 }}
            onFinish={(v: { number: string; phoneLast4: string }) =>
              setParams({ number: v.number.trim(), phone4: v.phoneLast4.trim() })
            }
          >
            <Form.Item
              name="number"
              label={t('hotline.public.number')}
              extra={t('hotline.public.numberHelp')}
              rules={[{ required: true, whitespace: true, message: t('hotline.public.numberRequired') }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="phoneLast4"
              label={t('hotline.public.phoneLast4')}
              rules={[{ required: true, pattern: /^\d{4}$/, message: t('hotline.public.phoneLast4Invalid') }]}
            >
              <Input inputMode="numeric" maxLength={4} autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large">
              {t('hotline.public.track')}
            </Button>
          </Form>
        )}
      </Card>
      {query.isFetching && !query.data ? <PageLoading minHeight={120} /> : null}
      {query.isError ? <ErrorDisplay error={query.error} style={{ marginTop: 12 }} /> : null}
      {query.data ? <TrackResult data={query.data} /> : null}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 16 }}>
        {t('hotline.public.trackHelp')}
      </Typography.Paragraph>
    </PublicShell>
  )
}

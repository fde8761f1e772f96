import { type ReactNode, useState } from 'react'
import { useSearchParams } from 'react-router'
import { Button } from '../../../shared/public-ui/button'
import { ChoiceField, Field } from '../../../shared/public-ui/field'
import { formatDateTime } from '../../../shared/public-ui/format'
import { publicLabelOf, usePublicTranslation } from '../../../shared/public-ui/i18n'
import { Loading, Panel, PublicError } from '../../../shared/public-ui/notice'
import { useForm } from '../../../shared/public-ui/use-form'
import type { PublicStatus, PublicTrack } from '../api'
import { PublicShell } from '../components/public-shell'
import { trackQueryOf, usePublicTrack } from '../hooks'

type Mode = 'token' | 'number'

const STATUS_COLORS: Record<PublicStatus, string> = {
  received: 'orange',
  processing: 'blue',
  replied: 'cyan',
  closed: 'green',
}

function TrackResult({ data }: { data: PublicTrack }) {
  const { t } = usePublicTranslation()
  const rows: { key: string; label: string; value: ReactNode }[] = [
    { key: 'number', label: t('hotline.public.number'), value: <span data-testid="track-number">{data.number}</span> },
    {
      key: 'status',
      label: t('hotline.public.status'),
      value: (
        <span data-testid="track-status">
          <span
            className="ruyu-tag"
            data-color={STATUS_COLORS[data.publicStatus]}
            data-public-status={data.publicStatus}
          >
            {publicLabelOf('hotline.publicStatus', data.publicStatus) || data.publicStatusName}
          </span>
        </span>
      ),
    },
    {
      key: 'type',
      label: t('hotline.public.requestTypeLabel'),
      value: publicLabelOf('hotline.requestType', data.requestType),
    },
    ...(data.categoryName ? [{ key: 'cat', label: t('hotline.public.categoryLabel'), value: data.categoryName }] : []),
    { key: 'received', label: t('hotline.public.receivedAt'), value: formatDateTime(data.receivedAt) },
    ...(data.closedAt
      ? [{ key: 'closed', label: t('hotline.public.closedAt'), value: formatDateTime(data.closedAt) }]
      : []),
    ...(data.mergedIntoNumber
      ? [{ key: 'merged', label: t('hotline.public.mergedInto'), value: data.mergedIntoNumber }]
      : []),
  ]
  const milestones = [...data.milestones].sort((a, b) => a.at.localeCompare(b.at))
  return (
    <Panel data-testid="track-result" style={{ marginTop: 12 }}>
      <dl className="ruyu-descriptions">
        {rows.map((row) => (
          <div key={row.key}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      {data.publicReply ? (
        <>
          <h2 className="ruyu-public-section-title">{t('hotline.public.reply')}</h2>
          <p style={{ whiteSpace: 'pre-wrap' }} data-testid="track-reply">
            {data.publicReply}
          </p>
        </>
      ) : null}
      <h2 className="ruyu-public-section-title">{t('hotline.public.progress')}</h2>
      <ol className="ruyu-timeline" data-testid="track-timeline">
        {milestones.map((m, i) => (
          <li key={`${m.at}-${m.label}`} data-last={i === milestones.length - 1 ? '' : undefined}>
            <strong>{m.label}</strong>
            <div className="ruyu-small ruyu-muted">{formatDateTime(m.at)}</div>
          </li>
        ))}
      </ol>
    </Panel>
  )
}

function TokenForm({ token, onTrack }: { token: string | undefined; onTrack: (token: string) => void }) {
  const { t } = usePublicTranslation()
  const form = useForm(
    { token: token ?? '' },
    {
      token: (v) =>
        !v.trim()
          ? t('hotline.public.tokenRequired')
          : /^\s*[A-Za-z0-9]{8,64}\s*$/.test(v)
            ? undefined
            : t('hotline.public.tokenInvalid'),
    },
  )
  return (
    <form noValidate onSubmit={form.handleSubmit((v) => onTrack(v.token.trim()))}>
      <Field id="token" label={t('hotline.public.token')} required error={form.errors.token}>
        {(control) => (
          <input
            {...control}
            className="ruyu-input"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            value={form.values.token}
            onChange={(e) => form.set('token', e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" block size="large">
        {t('hotline.public.track')}
      </Button>
    </form>
  )
}

function NumberForm({
  number,
  phoneLast4,
  onTrack,
}: {
  number: string | undefined
  phoneLast4: string | undefined
  onTrack: (number: string, phoneLast4: string) => void
}) {
  const { t } = usePublicTranslation()
  const form = useForm(
    { number: number ?? '', phoneLast4: phoneLast4 ?? '' },
    {
      number: (v) => (v.trim() ? undefined : t('hotline.public.numberRequired')),
      phoneLast4: (v) => (/^\d{4}$/.test(v) ? undefined : t('hotline.public.phoneLast4Invalid')),
    },
  )
  return (
    <form noValidate onSubmit={form.handleSubmit((v) => onTrack(v.number.trim(), v.phoneLast4.trim()))}>
      <Field
        id="number"
        label={t('hotline.public.number')}
        help={t('hotline.public.numberHelp')}
        required
        error={form.errors.number}
      >
        {(control) => (
          <input
            {...control}
            className="ruyu-input"
            autoComplete="off"
            value={form.values.number}
            onChange={(e) => form.set('number', e.target.value)}
          />
        )}
      </Field>
      <Field id="phoneLast4" label={t('hotline.public.phoneLast4')} required error={form.errors.phoneLast4}>
        {(control) => (
          <input
            {...control}
            className="ruyu-input"
            inputMode="numeric"
            maxLength={4}
            autoComplete="off"
            value={form.values.phoneLast4}
            onChange={(e) => form.set('phoneLast4', e.target.value)}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" block size="large">
        {t('hotline.public.track')}
      </Button>
    </form>
  )
}

/** 查询办理进度: by the tracking code from the receipt, or by number + the last 4 digits of the phone. */
export default function PublicTrackPage() {
  const { t } = usePublicTranslation()
  const [params, setParams] = useSearchParams()
  const token = params.get('token') ?? undefined
  const number = params.get('number') ?? undefined
  const phoneLast4 = params.get('phone4') ?? undefined
  const [mode, setMode] = useState<Mode>(number ? 'number' : 'token')
  const query = usePublicTrack(trackQueryOf(params))

  return (
    <PublicShell title={t('hotline.public.trackTitle')}>
      <Panel>
        <ChoiceField<Mode>
          id="track-mode"
          legend={t('hotline.public.trackBy')}
          hideLegend
          look="segmented"
          options={[
            { value: 'token', label: t('hotline.public.byToken') },
            { value: 'number', label: t('hotline.public.byNumber') },
          ]}
          value={mode}
          onChange={setMode}
        />
        {mode === 'token' ? (
          <TokenForm key="token" token={token} onTrack={(v) => setParams({ token: v })} />
        ) : (
          <NumberForm
            key="number"
            number={number}
            phoneLast4={phoneLast4}
            onTrack={(n, p) => setParams({ number: n, phone4: p })}
          />
        )}
      </Panel>
      {query.isFetching && !query.data ? <Loading minHeight={120} /> : null}
      {query.isError ? <PublicError error={query.error} style={{ marginTop: 12 }} /> : null}
      {query.data ? <TrackResult data={query.data} /> : null}
      <p className="ruyu-small ruyu-muted" style={{ marginTop: 16 }}>
        {t('hotline.public.trackHelp')}
      </p>
    </PublicShell>
  )
}

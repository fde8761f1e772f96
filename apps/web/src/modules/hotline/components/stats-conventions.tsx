import SettingOutlined from '@ant-design/icons/SettingOutlined'
import {
  STATS_CLOSE_BASES,
  STATS_DECLINED,
  STATS_FOLLOWUP_COUNT,
  STATS_ON_TIME_BY,
  STATS_RESPONSE_BY,
} from '@ruyu/contracts/hotline'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Card, Descriptions, Form, Modal, Radio, Space, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAccess } from '../../../access'
import { ErrorDisplay } from '../../../shared/error-display'
import { http } from '../../../shared/request'
import type { HotlineSettings, StatsResult } from '../api'

type StatsSettings = StatsResult['settings']
type Convention = 'closeBasis' | 'onTimeBy' | 'declined' | 'responseBy' | 'followupCount'

/** The conventions and their choices, in display order; the first choice of each is the default. */
const CONVENTIONS: [Convention, readonly string[]][] = [
  ['closeBasis', STATS_CLOSE_BASES],
  ['onTimeBy', STATS_ON_TIME_BY],
  ['declined', STATS_DECLINED],
  ['responseBy', STATS_RESPONSE_BY],
  ['followupCount', STATS_FOLLOWUP_COUNT],
]

/** The label of one choice of a convention (keys built from the contract's lists). */
function useChoiceText() {
  const { t } = useTranslation()
  return (k: Convention, v: string) =>
    t(`hotline.stats.conventions.${k}.${v}` as 'hotline.stats.conventions.closeBasis.due')
}

/**
 * 统计口径: which convention each rate follows (DOMAIN.md §1.5 defaults marked), the weight and valid results of
 * 满意率 and the rounding rule; hotline managers can change the conventions here.
 */
export function StatsConventions({ settings }: { settings: StatsSettings }) {
  const { t } = useTranslation()
  const { can } = useAccess()
  const [editing, setEditing] = useState(false)
  const choice = useChoiceText()
  const isDefault = (k: Convention) => settings[k] === CONVENTIONS.find(([c]) => c === k)![1][0]
  return (
    <Card
      title={t('hotline.stats.conventions.title')}
      style={{ marginBottom: 16 }}
      data-testid="stats-conventions"
      extra={
        can('hotline:manage') ? (
          <Button icon={<SettingOutlined />} onClick={() => setEditing(true)}>
            {t('hotline.stats.conventions.edit')}
          </Button>
        ) : null
      }
    >
      <Descriptions size="small" column={{ xs: 1, lg: 2 }} bordered>
        {CONVENTIONS.map(([k]) => (
          <Descriptions.Item key={k} label={t(`hotline.stats.conventions.${k}.label`)}>
            <Space size={4} wrap>
              <span data-testid={`convention-${k}`}>{choice(k, settings[k])}</span>
              {isDefault(k) ? <Tag color="blue">{t('hotline.stats.conventions.default')}</Tag> : null}
            </Space>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('hotline.stats.conventions.satisfaction')}>
          {t('hotline.stats.conventions.satisfactionValue', {
            weight: settings.basicallySatisfiedWeight,
            valid: settings.validResults.map((r) => t(`hotline.followupResult.${r}`)).join(t('hotline.stats.listSep')),
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('hotline.stats.conventions.rounding')} span={{ xs: 1, lg: 2 }}>
          {t('hotline.stats.conventions.roundingValue')}
        </Descriptions.Item>
      </Descriptions>
      {editing ? <EditConventions settings={settings} onClose={() => setEditing(false)} /> : null}
    </Card>
  )
}

function EditConventions({ settings, onClose }: { settings: StatsSettings; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const qc = useQueryClient()
  const [form] = Form.useForm<StatsSettings>()
  const choice = useChoiceText()
  const save = useMutation({
    mutationFn: (values: Partial<StatsSettings>) =>
      http.put<HotlineSettings>('/api/hotline/settings', { stats: { ...settings, ...values } }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['hotline'] })
      void message.success(t('hotline.stats.conventions.saved'))
      onClose()
    },
  })
  return (
    <Modal
      open
      width={640}
      title={t('hotline.stats.conventions.editTitle')}
      okText={t('hotline.stats.conventions.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      {save.isError ? <ErrorDisplay error={save.error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" initialValues={settings} onFinish={(v) => save.mutate(v)}>
        {CONVENTIONS.map(([k, choices]) => (
          <Form.Item key={k} name={k} label={t(`hotline.stats.conventions.${k}.label`)}>
            <Radio.Group>
              <Space direction="vertical">
                {choices.map((c, i) => (
                  <Radio key={c} value={c}>
                    {choice(k, c)}
                    {i === 0 ? ` (${t('hotline.stats.conventions.default')})` : ''}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        ))}
      </Form>
    </Modal>
  )
}

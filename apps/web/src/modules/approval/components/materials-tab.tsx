import UploadOutlined from '@ant-design/icons/UploadOutlined'
import { App, Button, Flex, Tag, Typography, Upload } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toErrorMessage } from '../../../shared/error-display'
import { formatDate, formatDateTime } from '../../workflow/format'
import { type CaseDetail, type CaseMaterial, fileUrl, uploadFile } from '../api'
import { useSupplyMaterial } from '../hooks'
import { UPLOAD_ACCEPT, UsedBy } from './materials-step'

/**
 * 材料: every material of the case with its state. 容缺 materials show their due date (red once past) and, for
 * the applicant or the window, an upload that supplies them.
 */
export function MaterialsTab({
  detail,
  itemNames,
  canSupply,
}: {
  detail: CaseDetail
  itemNames: Map<string, string>
  canSupply: boolean
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const supply = useSupplyMaterial(detail.id)
  const [busy, setBusy] = useState<string | null>(null)
  const pending = detail.materials.filter((m) => m.pending)
  const ordered = [...pending, ...detail.materials.filter((m) => !m.pending)]

  const onSupply = async (m: CaseMaterial, file: File) => {
    setBusy(m.code)
    try {
      const saved = await uploadFile(file)
      await supply.mutateAsync({ code: m.code, fileId: saved.id })
      void message.success(t('approval.materialsTab.suppliedOk', { name: m.name }))
    } catch (err) {
      void message.error(toErrorMessage(err))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div data-testid="materials-tab">
      <Typography.Paragraph type="secondary">
        {t('approval.materialsTab.summary', { total: detail.materials.length, pending: pending.length })}
      </Typography.Paragraph>
      <ul className="ruyu-plain-list">
        {ordered.map((m) => {
          const overdue = m.pending && m.dueDate && dayjs(m.dueDate).isBefore(dayjs(), 'day')
          return (
            <li key={m.code} className="ruyu-material-row" data-material={m.code} data-pending={m.pending || undefined}>
              <Flex gap={6} wrap align="center">
                <Typography.Text strong>{m.name}</Typography.Text>
                <UsedBy codes={m.itemCodes} names={itemNames} />
              </Flex>
              <Flex gap={8} wrap align="center" style={{ marginTop: 6 }}>
                {m.pending ? (
                  <Tag color={overdue ? 'red' : 'orange'}>
                    {overdue
                      ? t('approval.materialsTab.overdue', { date: formatDate(m.dueDate) })
                      : t('approval.materialsTab.pending', { date: formatDate(m.dueDate) })}
                  </Tag>
                ) : m.suppliedAt ? (
                  <Tag color="success">
                    {t('approval.materialsTab.supplied', { date: formatDateTime(m.suppliedAt) })}
                  </Tag>
                ) : (
                  <Tag color="success">{t('approval.materialsTab.submitted')}</Tag>
                )}
                {m.fileId ? (
                  <Typography.Link href={fileUrl(m.fileId)} target="_blank" rel="noopener">
                    {t('approval.materialsTab.view')}
                  </Typography.Link>
                ) : null}
                {m.pending && canSupply ? (
                  <Upload
                    accept={UPLOAD_ACCEPT}
                    showUploadList={false}
                    disabled={busy !== null}
                    beforeUpload={(file) => {
                      void onSupply(m, file)
                      return false
                    }}
                  >
                    <Button
                      size="small"
                      type="primary"
                      icon={<UploadOutlined />}
                      loading={busy === m.code}
                      disabled={busy !== null}
                    >
                      {t('approval.materialsTab.supply')}
                    </Button>
                  </Upload>
                ) : null}
              </Flex>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

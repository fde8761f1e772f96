import UploadOutlined from '@ant-design/icons/UploadOutlined'
import { Alert, App, Button, Checkbox, DatePicker, Flex, Tag, Tooltip, Typography, Upload } from 'antd'
import dayjs from 'dayjs'
import { type Dispatch, memo, type SetStateAction, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toErrorMessage } from '../../../shared/error-display'
import { type CombinedForm, type CombinedMaterial, type Draft, uploadFile } from '../api'
import type { MaterialChoice } from '../apply-model'

export const UPLOAD_ACCEPT = '.pdf,.ofd,.jpg,.jpeg,.png,.docx,.xlsx'
export type Choices = Record<string, MaterialChoice | undefined>

/** The material choices a draft saved (a saved file shows under a neutral name: drafts keep no file names). */
export function choicesOf(draft: Draft | undefined, savedFile: string): Choices {
  const out: Choices = {}
  for (const m of draft?.data.materials ?? [])
    out[m.code] = m.fileId
      ? { kind: 'file', fileId: m.fileId, fileName: savedFile }
      : m.pendingDueDate
        ? { kind: 'pending', dueDate: m.pendingDueDate }
        : undefined
  return out
}

/** The default 容缺 due date: two weeks from today (the applicant may change it). */
export const defaultDueDate = () => dayjs().add(14, 'day').format('YYYY-MM-DD')

/** The items a material serves: a count, with their names on hover. */
export function UsedBy({ codes, names }: { codes: string[]; names: Map<string, string> }) {
  const { t } = useTranslation()
  return (
    <Tooltip title={codes.map((c) => names.get(c) ?? c).join('、')}>
      <Tag color={codes.length > 1 ? 'blue' : 'default'} style={{ cursor: 'help', marginInlineEnd: 0 }}>
        {t('approval.common.usedBy', { count: codes.length })}
      </Tag>
    </Tooltip>
  )
}

/**
 * Step 3's materials: each material once with the items needing it. One upload can serve several selected
 * materials; a required material that cannot be given now can be marked 容缺后补 with the date it will come by.
 */
export const MaterialsStep = memo(function MaterialsStep({
  combined,
  itemNames,
  choices,
  setChoices,
  errors,
}: {
  combined: CombinedForm
  itemNames: Map<string, string>
  choices: Choices
  setChoices: Dispatch<SetStateAction<Choices>>
  errors: Record<string, string>
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [selected, setSelected] = useState<string[]>([])
  const [busy, setBusy] = useState<string | null>(null)
  const required = combined.materials.filter((m) => m.required).map((m) => m.code)
  const counts = combined.materials.reduce(
    (n, m) => {
      const c = choices[m.code]
      if (c?.kind === 'file') n.files++
      else if (c?.kind === 'pending') n.pending++
      else if (m.required) n.missing++
      return n
    },
    { files: 0, pending: 0, missing: 0 },
  )

  const upload = async (file: File, codes: string[], key: string) => {
    setBusy(key)
    try {
      const saved = await uploadFile(file)
      setChoices((prev) => {
        const next = { ...prev }
        for (const code of codes) next[code] = { kind: 'file', fileId: saved.id, fileName: saved.name }
        return next
      })
      if (codes.length > 1)
        void message.success(t('approval.materials.uploadedMany', { name: saved.name, count: codes.length }))
      setSelected((prev) => prev.filter((c) => !codes.includes(c)))
    } catch (err) {
      void message.error(toErrorMessage(err))
    } finally {
      setBusy(null)
    }
  }
  const markPending = (codes: string[]) =>
    setChoices((prev) => {
      const next = { ...prev }
      for (const code of codes) next[code] = { kind: 'pending', dueDate: defaultDueDate() }
      return next
    })
  const clear = (code: string) => setChoices((prev) => ({ ...prev, [code]: undefined }))
  const setDue = (code: string, dueDate: string) =>
    setChoices((prev) => ({ ...prev, [code]: { kind: 'pending', dueDate } }))

  const pendingSelectable = selected.filter((c) => required.includes(c))
  return (
    <div data-testid="materials-step">
      <Typography.Paragraph type="secondary">{t('approval.materials.intro')}</Typography.Paragraph>
      <Flex
        gap={8}
        wrap
        align="center"
        className="ruyu-materials-bar"
        role="toolbar"
        aria-label={t('approval.materials.bulk')}
      >
        <Checkbox
          checked={required.length > 0 && required.every((c) => selected.includes(c))}
          indeterminate={selected.length > 0 && !required.every((c) => selected.includes(c))}
          onChange={(e) => setSelected(e.target.checked ? required : [])}
        >
          {t('approval.materials.selectRequired')}
        </Checkbox>
        <Typography.Text type="secondary">
          {t('approval.materials.selected', { count: selected.length })}
        </Typography.Text>
        <span data-testid="bulk-upload">
          <Upload
            accept={UPLOAD_ACCEPT}
            showUploadList={false}
            disabled={selected.length === 0 || busy !== null}
            beforeUpload={(file) => {
              void upload(file, selected, 'bulk')
              return false
            }}
          >
            <Button
              type="primary"
              icon={<UploadOutlined />}
              disabled={selected.length === 0 || busy !== null}
              loading={busy === 'bulk'}
            >
              {t('approval.materials.uploadSelected')}
            </Button>
          </Upload>
        </span>
        <Button disabled={pendingSelectable.length === 0} onClick={() => markPending(pendingSelectable)}>
          {t('approval.materials.pendingSelected')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0' }}>
        {t('approval.materials.acceptHint')}
      </Typography.Paragraph>
      <Alert
        type={counts.missing ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="materials-summary"
        title={t('approval.materials.summary', counts)}
      />
      <ul className="ruyu-plain-list ruyu-material-grid" aria-label={t('approval.steps.materials')}>
        {combined.materials.map((m) => (
          <MaterialRow
            key={m.code}
            material={m}
            itemNames={itemNames}
            choice={choices[m.code]}
            error={errors[m.code]}
            checked={selected.includes(m.code)}
            onCheck={(on) => setSelected((prev) => (on ? [...prev, m.code] : prev.filter((c) => c !== m.code)))}
            uploading={busy === m.code}
            disabled={busy !== null}
            onUpload={(file) => void upload(file, [m.code], m.code)}
            onPending={() => markPending([m.code])}
            onDue={(d) => setDue(m.code, d)}
            onClear={() => clear(m.code)}
          />
        ))}
      </ul>
    </div>
  )
})

function MaterialRow({
  material: m,
  itemNames,
  choice,
  error,
  checked,
  onCheck,
  uploading,
  disabled,
  onUpload,
  onPending,
  onDue,
  onClear,
}: {
  material: CombinedMaterial
  itemNames: Map<string, string>
  choice: MaterialChoice | undefined
  error: string | undefined
  checked: boolean
  onCheck: (on: boolean) => void
  uploading: boolean
  disabled: boolean
  onUpload: (file: File) => void
  onPending: () => void
  onDue: (date: string) => void
  onClear: () => void
}) {
  const { t } = useTranslation()
  return (
    <li
      className={`ruyu-material-row${error ? ' ruyu-material-row-error' : ''}`}
      data-material={m.code}
      data-choice={choice?.kind ?? 'none'}
    >
      <Flex gap={8} align="flex-start">
        <Checkbox
          checked={checked}
          onChange={(e) => onCheck(e.target.checked)}
          aria-label={t('approval.materials.selectRow', { name: m.name })}
          style={{ marginTop: 2 }}
        />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Flex gap={6} wrap align="center">
            <Typography.Text strong>{m.name}</Typography.Text>
            {m.zoneCovered ? (
              <Tag color="green" style={{ marginInlineEnd: 0 }}>
                {t('approval.common.zoneCovered')}
              </Tag>
            ) : (
              <Tag color={m.required ? 'red' : 'default'} style={{ marginInlineEnd: 0 }}>
                {m.required ? t('approval.common.required') : t('approval.common.optional')}
              </Tag>
            )}
            <UsedBy codes={m.itemCodes} names={itemNames} />
          </Flex>
          {m.note ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {m.note}
            </Typography.Text>
          ) : null}
          <Flex gap={8} wrap align="center" style={{ marginTop: 6 }}>
            {choice?.kind === 'file' ? (
              <Tag color="success" style={{ whiteSpace: 'normal' }}>
                {t('approval.materials.uploaded', { name: choice.fileName })}
              </Tag>
            ) : choice?.kind === 'pending' ? (
              <>
                <Tag color="orange">{t('approval.materials.pendingShort')}</Tag>
                <DatePicker
                  size="small"
                  allowClear={false}
                  value={dayjs(choice.dueDate)}
                  disabledDate={(d) => d.isBefore(dayjs(), 'day')}
                  onChange={(d) => d && onDue(d.format('YYYY-MM-DD'))}
                  aria-label={t('approval.materials.dueDateLabel', { name: m.name })}
                />
              </>
            ) : (
              <Typography.Text type={m.required ? 'warning' : 'secondary'} style={{ fontSize: 13 }}>
                {t('approval.materials.missing')}
              </Typography.Text>
            )}
            <Upload
              accept={UPLOAD_ACCEPT}
              showUploadList={false}
              disabled={disabled}
              beforeUpload={(file) => {
                onUpload(file)
                return false
              }}
            >
              <Button size="small" icon={<UploadOutlined />} loading={uploading} disabled={disabled}>
                {choice?.kind === 'file' ? t('approval.materials.reupload') : t('approval.materials.upload')}
              </Button>
            </Upload>
            {m.required && choice?.kind !== 'pending' ? (
              <Button size="small" onClick={onPending}>
                {t('approval.materials.pending')}
              </Button>
            ) : null}
            {choice ? (
              <Button size="small" type="link" onClick={onClear}>
                {t('approval.materials.undo')}
              </Button>
            ) : null}
          </Flex>
          {error ? (
            <Typography.Text type="danger" role="alert" style={{ display: 'block', marginTop: 4, fontSize: 13 }}>
              {error}
            </Typography.Text>
          ) : null}
        </div>
      </Flex>
    </li>
  )
}

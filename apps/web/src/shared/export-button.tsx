import DownloadOutlined from '@ant-design/icons/DownloadOutlined'
import { App, Button, Tooltip } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toErrorMessage } from './error-display'

/**
 * 导出表格: asks the server for the whole list under the current filters as .xlsx (the server applies the same
 * authorization as the list), and saves it. `run` comes from the module's api.ts.
 */
export function ExportButton({ run }: { run: () => Promise<void> }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  return (
    <Tooltip title={t('common.actions.exportHint')}>
      <Button
        icon={<DownloadOutlined />}
        loading={busy}
        data-testid="export"
        onClick={() => {
          setBusy(true)
          run()
            .catch((err: unknown) => void message.error(toErrorMessage(err)))
            .finally(() => setBusy(false))
        }}
      >
        {t('common.actions.export')}
      </Button>
    </Tooltip>
  )
}

import PrinterOutlined from '@ant-design/icons/PrinterOutlined'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'

/**
 * 打印: prints the page as it is shown. The print stylesheet (global.css, `@media print`) drops the menu, header
 * and buttons and lays the cards out on A4.
 */
export function PrintButton() {
  const { t } = useTranslation()
  return (
    <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
      {t('common.actions.print')}
    </Button>
  )
}

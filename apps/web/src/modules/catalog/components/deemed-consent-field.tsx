import { Col, Form, Switch, Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/**
 * 默认同意: when on, a department review of this item that passes its committed deadline is approved by the
 * system (recorded as 逾期默认同意 in the case history). A branch reviewing several items needs it on all of them.
 */
export function DeemedConsentField() {
  const { t } = useTranslation()
  return (
    <Col xs={24} md={12}>
      <Form.Item
        name="deemedConsent"
        label={t('catalog.itemEdit.deemedConsent')}
        valuePropName="checked"
        extra={<Typography.Text type="secondary">{t('catalog.itemEdit.deemedConsentHint')}</Typography.Text>}
      >
        <Switch />
      </Form.Item>
    </Col>
  )
}

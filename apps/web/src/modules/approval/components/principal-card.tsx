import { isCnMobile, isValidUscc } from '@ruyu/contracts/identifiers'
import { Card, Col, Form, type FormInstance, Input, Row, Select } from 'antd'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ServiceLocation } from '../api'
import type { FormValues, WizardValues } from '../apply-model'

export const PRINCIPAL_KEYS = ['enterpriseName', 'enterpriseUscc', 'contactName', 'contactMobile'] as const

/** Window intake: the enterprise the clerk files for (the principal) and the service location of the filing. */
export function PrincipalCard({ locations, loading }: { locations: ServiceLocation[]; loading: boolean }) {
  const { t } = useTranslation()
  return (
    <Card size="small" title={t('approval.principal.title')} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={['principal', 'enterpriseName']}
            label={t('approval.principal.enterpriseName')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('approval.principal.nameRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['principal', 'enterpriseUscc']}
            label={t('approval.principal.enterpriseUscc')}
            normalize={(v?: string) => v?.toUpperCase().replace(/\s/g, '')}
            rules={[
              { required: true, message: t('approval.principal.usccRequired') },
              {
                validator: (_, v?: string) =>
                  !v || isValidUscc(v) ? Promise.resolve() : Promise.reject(new Error(t('approval.apply.usccInvalid'))),
              },
            ]}
          >
            <Input maxLength={18} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['principal', 'contactName']}
            label={t('approval.principal.contactName')}
            rules={[{ required: true, whitespace: true, message: t('approval.principal.contactRequired') }]}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name={['principal', 'contactMobile']}
            label={t('approval.principal.contactMobile')}
            rules={[
              { required: true, message: t('approval.principal.mobileRequired') },
              {
                validator: (_, v?: string) =>
                  !v || isCnMobile(v)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('approval.apply.mobileInvalid'))),
              },
            ]}
          >
            <Input maxLength={11} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="locationId"
            label={t('approval.principal.location')}
            rules={[{ required: true, message: t('approval.principal.locationRequired') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={loading}
              placeholder={t('approval.principal.locationPlaceholder')}
              options={locations.map((l) => ({ value: l.id, label: l.name }))}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  )
}

/**
 * Window intake: the principal's details fill the builder fields, until the clerk types something else there.
 * Returns the form's onValuesChange handler.
 */
export function usePrincipalSync(form: FormInstance<WizardValues>, mode: 'online' | 'window') {
  const synced = useRef<Record<string, string>>({})
  return (changed: WizardValues) => {
    if (mode !== 'window' || !changed.principal) return
    const current = (form.getFieldValue('form') ?? {}) as FormValues
    const map: Record<string, string | undefined> = {
      builder: changed.principal.enterpriseName,
      builderUscc: changed.principal.enterpriseUscc,
      contactName: changed.principal.contactName,
      contactPhone: changed.principal.contactMobile,
    }
    for (const [key, value] of Object.entries(map)) {
      if (value === undefined) continue
      const now = current[key]
      if (now && now !== synced.current[key]) continue
      synced.current[key] = value
      form.setFieldValue(['form', key], value)
    }
  }
}

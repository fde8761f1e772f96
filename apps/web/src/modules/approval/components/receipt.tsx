import PrinterOutlined from '@ant-design/icons/PrinterOutlined'
import { Button, Card, Descriptions, Flex, Result, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { contentText } from '../../../shared/content-text'
import { formatDate, formatDateTime } from '../../workflow/format'
import type { CaseReceipt } from '../api'

/** 受理回执: what the window hands the applicant after intake; printable (the console chrome is hidden in print). */
export function Receipt({ detail, onNext }: { detail: CaseReceipt; onNext: () => void }) {
  const { t } = useTranslation()
  const pending = detail.materials.filter((m) => m.pending)
  const departments = [...new Set(detail.items.filter((i) => i.status === 'in_review').map((i) => i.departmentName))]
  return (
    <div className="ruyu-receipt" data-testid="receipt">
      <Result
        status="success"
        title={t('approval.receipt.success')}
        subTitle={
          <span>
            {t('approval.receipt.number')}：
            <Typography.Text strong copyable data-testid="receipt-number">
              {detail.number}
            </Typography.Text>
          </span>
        }
        extra={
          <Flex gap={8} justify="center" wrap className="ruyu-no-print">
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('approval.receipt.print')}
            </Button>
            <Link to={`/approval/cases/${encodeURIComponent(detail.id)}`}>
              <Button>{t('approval.receipt.openCase')}</Button>
            </Link>
            <Button onClick={onNext}>{t('approval.receipt.next')}</Button>
          </Flex>
        }
      />
      <Card title={t('approval.receipt.heading')}>
        <Descriptions
          bordered
          size="small"
          column={1}
          styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'number', label: t('approval.receipt.number'), children: detail.number },
            { key: 'project', label: t('approval.receipt.project'), children: detail.title },
            { key: 'enterprise', label: t('approval.receipt.enterprise'), children: detail.enterpriseName },
            { key: 'uscc', label: t('approval.receipt.uscc'), children: detail.enterpriseUscc },
            {
              key: 'contact',
              label: t('approval.receipt.contact'),
              children: [detail.contactName, detail.contactMobileMasked].filter(Boolean).join(' '),
            },
            { key: 'variant', label: t('approval.receipt.variant'), children: contentText(detail.variantName) },
            {
              key: 'committed',
              label: t('approval.receipt.committed'),
              children: t('approval.common.workdays', { count: detail.committedDays }),
            },
            { key: 'at', label: t('approval.receipt.submittedAt'), children: formatDateTime(detail.submittedAt) },
            {
              key: 'departments',
              label: t('approval.receipt.departments'),
              children: departments.join('、') || '—',
            },
          ]}
        />
        {pending.length ? (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('approval.receipt.pendingTitle')}
            </Typography.Title>
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={pending}
              columns={[
                { key: 'name', title: t('approval.materialsTab.name'), dataIndex: 'name' },
                {
                  key: 'due',
                  title: t('approval.materials.dueDate'),
                  dataIndex: 'dueDate',
                  width: 140,
                  render: (d: string | null) => formatDate(d),
                },
              ]}
            />
          </>
        ) : null}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('approval.receipt.note')}
        </Typography.Paragraph>
      </Card>
    </div>
  )
}

import { Flex, Typography } from 'antd'
import { type ReactNode, useEffect } from 'react'
import { useTranslation } from 'react-i18next'

/** Page frame: a heading, an optional one-line description and actions, then the content. Sets the tab title. */
export function PageContainer({
  title,
  description,
  extra,
  children,
}: {
  title: string
  description?: ReactNode
  extra?: ReactNode
  children: ReactNode
}) {
  const { t } = useTranslation()
  const appName = t('common.appName')
  useEffect(() => {
    document.title = `${title} · ${appName}`
    return () => {
      document.title = appName
    }
  }, [title, appName])
  return (
    <div className="ruyu-page">
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {description ? (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {description}
            </Typography.Paragraph>
          ) : null}
        </div>
        {extra ? <Flex gap={8}>{extra}</Flex> : null}
      </Flex>
      {children}
    </div>
  )
}

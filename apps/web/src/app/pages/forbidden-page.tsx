import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageContainer } from '../../shared/page-container'

export default function ForbiddenPage() {
  const { t } = useTranslation()
  return (
    <PageContainer title={t('app.exception.forbiddenTitle')}>
      <Result
        status="403"
        title="403"
        subTitle={t('app.exception.forbiddenBody')}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.actions.backHome')}</Button>
          </Link>
        }
      />
    </PageContainer>
  )
}

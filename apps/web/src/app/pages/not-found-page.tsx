import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageContainer } from '../../shared/page-container'

export default function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <PageContainer title={t('app.exception.notFoundTitle')}>
      <Result
        status="404"
        title="404"
        subTitle={t('app.exception.notFoundBody')}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.actions.backHome')}</Button>
          </Link>
        }
      />
    </PageContainer>
  )
}

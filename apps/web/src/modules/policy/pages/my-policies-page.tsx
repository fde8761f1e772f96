import { Card, Switch } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PageContainer } from '../../../shared/page-container'
import { MyPolicies } from '../components/my-policies'
import { MyQuestions } from '../components/my-questions'
import '../policy.css'

/** 我的政策: the enterprise's policy inbox (matched policies with reasons) and its questions. */
export default function MyPoliciesPage() {
  const { t } = useTranslation()
  const [unreadOnly, setUnreadOnly] = useState(false)
  return (
    <PageContainer title={t('policy.mine.title')} description={t('policy.mine.description')}>
      <Card
        style={{ marginBottom: 16 }}
        extra={
          <Switch
            size="small"
            checked={unreadOnly}
            onChange={setUnreadOnly}
            checkedChildren={t('policy.mine.unreadOnly')}
            unCheckedChildren={t('policy.mine.unreadOnly')}
            aria-label={t('policy.mine.unreadOnly')}
          />
        }
        title={t('policy.mine.title')}
      >
        <MyPolicies pageSize={10} unreadOnly={unreadOnly} />
      </Card>
      <Card title={t('policy.questions.mineTitle')}>
        <MyQuestions />
      </Card>
    </PageContainer>
  )
}

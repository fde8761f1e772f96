import { Empty, Flex, Spin } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** Centred spinner for a page or a panel that is loading. */
export function PageLoading({ minHeight = 240 }: { minHeight?: number }) {
  const { t } = useTranslation()
  return (
    <Flex align="center" justify="center" style={{ minHeight }} role="status" aria-live="polite">
      <Spin description={t('common.states.loading')} />
    </Flex>
  )
}

/** Empty state that tells the user what to do next (the text is required on purpose). */
export function EmptyState({ description, action }: { description: ReactNode; action?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {action}
    </Empty>
  )
}

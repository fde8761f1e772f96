import type { PaginationProps } from 'antd'
import i18n from 'i18next'

/** Server-side pagination settings shared by every list; none at all while the list is empty. */
export function serverPagination(opts: {
  page: number
  pageSize: number
  total: number | undefined
  onChange: (page: number, pageSize: number) => void
}): PaginationProps | false {
  if (!opts.total) return false
  return {
    current: opts.page,
    pageSize: opts.pageSize,
    total: opts.total,
    showSizeChanger: true,
    showTotal: (total) => i18n.t('common.pagination.total', { total }),
    onChange: opts.onChange,
  }
}

import i18n from 'i18next'

/** Yuan as officials read it: 万元 from ten thousand up (two decimals at most), plain 元 below. */
export function formatYuan(yuan: number): string {
  if (Math.abs(yuan) >= 10_000)
    return i18n.t('approval.common.wan', {
      value: (yuan / 10_000).toLocaleString(i18n.language, { maximumFractionDigits: 2 }),
    })
  return i18n.t('approval.common.yuan', { value: yuan.toLocaleString(i18n.language) })
}

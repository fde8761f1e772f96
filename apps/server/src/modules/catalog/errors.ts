import { defineError } from '../../platform/errors.ts'

export const itemNotFound = defineError('CATALOG_ITEM_NOT_FOUND', 'not_found', {
  zh: '事项 {code} 不存在',
  en: 'Service item {code} does not exist',
})
export const themeNotFound = defineError('CATALOG_THEME_NOT_FOUND', 'not_found', {
  zh: '主题 {code} 不存在',
  en: 'Theme {code} does not exist',
})
export const variantNotFound = defineError('CATALOG_VARIANT_NOT_FOUND', 'not_found', {
  zh: '主题 {code} 没有情形 {variant}',
  en: 'Theme {code} has no variant {variant}',
})
export const zoneAssessmentKindNotFound = defineError('CATALOG_ZONE_ASSESSMENT_KIND_NOT_FOUND', 'not_found', {
  zh: '区域评估事项 {code} 不存在',
  en: 'Zone assessment kind {code} does not exist',
})
export const invalidItem = defineError('CATALOG_INVALID_ITEM', 'validation', {
  zh: '事项定义有误，请检查标红的字段',
  en: 'The item definition is invalid; please check the highlighted fields',
})
export const invalidTheme = defineError('CATALOG_INVALID_THEME', 'validation', {
  zh: '主题定义有误，请检查标红的字段',
  en: 'The theme definition is invalid; please check the highlighted fields',
})
export const versionConflict = defineError('CATALOG_VERSION_CONFLICT', 'conflict', {
  zh: '{code} 已被他人修改（当前为第 {current} 版），请刷新后在最新版本上修改',
  en: '{code} was changed meanwhile (now version {current}); reload and edit the latest version',
})

import i18n from 'i18next'
import { labelOf } from '../../shared/labels'

/**
 * The label of a workflow action. In Chinese the definition's own name is the truth (definitions are data and can
 * be renamed); other languages translate by key and fall back to that name.
 */
export function actionLabel(key: string, serverName?: string | null): string {
  if (serverName && !i18n.language.startsWith('en')) return serverName
  const label = labelOf('workflow.actionNames', key.replace(/[^a-z_]/g, '_'))
  return label === key.replace(/[^a-z_]/g, '_') ? (serverName ?? key) : label
}

/** The label of a workflow state key (history entries carry keys only); `stage_2` reads 第2阶段. */
export function stateLabel(key: string, serverName?: string | null): string {
  if (serverName && !i18n.language.startsWith('en')) return serverName
  const stage = /^stage_(\d+)$/.exec(key)
  if (stage) return i18n.t('workflow.stateNames.stage', { no: stage[1] })
  const label = labelOf('workflow.stateNames', key)
  return label === key ? (serverName ?? key) : label
}

import i18n from 'i18next'

/**
 * Localised label of a server-side enum value stored under `<group>.<value>` (e.g. `common.roles.admin`);
 * falls back to the raw value, so a value the UI does not know yet still shows.
 */
export function labelOf(group: string, value: string | null | undefined): string {
  if (!value) return ''
  const key = `${group}.${value}`
  // Keys built at run time cannot be checked by the typed `t`; `exists` guards them instead.
  return i18n.exists(key) ? String(i18n.t(key as never)) : value
}

/** Localised role name (`admin` → 系统管理员). */
export function roleName(role: string): string {
  return labelOf('common.roles', role)
}

import i18next, { type TOptions } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { publicZhMessages } from '../../app/messages-public'

type Tree = typeof publicZhMessages

/** The ids of the leaves of a message tree: `common.actions.retry`. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]

/** The ids of the inner nodes of a message tree: `hotline.requestType`. */
type Groups<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? never : `${P}${K}` | Groups<T[K], `${P}${K}.`>
}[keyof T & string]

/** A locale id the public bundle has (its messages are messages-public.ts, not the console's whole tree). */
export type PublicLocaleId = Leaves<Tree>
export type PublicLocaleGroup = Groups<Tree>

type PublicT = (id: PublicLocaleId, options?: TOptions) => string

/**
 * useTranslation for the public pages and their components: the same i18next, with ids checked against the public
 * tree at compile time, so no page can show a raw id because the public bundle lacks its text.
 */
export function usePublicTranslation(): { t: PublicT; i18n: typeof i18next } {
  const { t, i18n } = useTranslation()
  return { t: t as unknown as PublicT, i18n }
}

/** labelOf for the public pages: the label of a server enum value under a group of the public tree. */
export function publicLabelOf(group: PublicLocaleGroup, value: string | null | undefined): string {
  if (!value) return ''
  const key = `${group}.${value}`
  return i18next.exists(key) ? String(i18next.t(key as never)) : value
}

import { useMemo } from 'react'
import type { ControlProps } from '../../../shared/public-ui/field'
import { usePublicTranslation } from '../../../shared/public-ui/i18n'
import type { CategoryNode } from '../api'
import { DISTRICT_CODE } from '../district'
import { usePublicDivisions } from '../hooks'

// Native selects for the public form (in place of AntD's Cascader and its 37 KB): a phone shows its own picker,
// every option is reachable by keyboard and screen reader, and nothing loads until the page needs it.

/** The active categories in tree order, each labelled with its whole path (城乡建设 / 供暖 / 暖气不热). */
function flatten(nodes: CategoryNode[], parents: string[] = []): { id: string; label: string }[] {
  return nodes
    .filter((n) => n.active)
    .flatMap((n) => {
      const path = [...parents, n.name]
      return [{ id: n.id, label: path.join(' / ') }, ...flatten(n.children, path)]
    })
}

/** 问题分类 (optional): any level of the tree may be chosen; empty means the 12345 centre classifies it. */
export function PublicCategorySelect({
  control,
  tree,
  loading,
  value,
  onChange,
}: {
  control: ControlProps
  tree: CategoryNode[] | undefined
  loading: boolean
  value: string | null
  onChange: (id: string | null) => void
}) {
  const { t } = usePublicTranslation()
  const options = useMemo(() => flatten(tree ?? []), [tree])
  return (
    <select
      {...control}
      className="ruyu-input"
      value={value ?? ''}
      aria-busy={loading || undefined}
      onChange={(e) => onChange(e.target.value || null)}
    >
      <option value="">{loading ? t('common.states.loading') : t('hotline.public.categoryNone')}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </select>
  )
}

/**
 * 所在镇街（村居）: the town (required), then its village or community (optional; loaded when the town is chosen).
 * The value is the code of the deepest level chosen: 9 digits for a town, 12 for a village.
 */
export function PublicDivisionPicker({
  id,
  value,
  onChange,
  error,
}: {
  id: string
  value: string
  onChange: (code: string) => void
  error: string | undefined
}) {
  const { t } = usePublicTranslation()
  const town = value.slice(0, 9)
  const towns = usePublicDivisions(DISTRICT_CODE)
  const villages = usePublicDivisions(town.length === 9 ? town : null)
  const errorId = `${id}-error`
  return (
    <fieldset className="ruyu-field" data-invalid={error ? '' : undefined}>
      <legend className="ruyu-field-label" data-required="">
        {t('hotline.public.town')}
      </legend>
      <div className="ruyu-public-division">
        <div>
          <label className="ruyu-field-label" htmlFor={id}>
            {t('hotline.public.townSelect')}
          </label>
          <select
            id={id}
            className="ruyu-input"
            value={town}
            aria-required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            aria-busy={towns.isPending || undefined}
            onChange={(e) => onChange(e.target.value)}
          >
            <option value="">{towns.isPending ? t('common.states.loading') : t('hotline.public.townChoose')}</option>
            {towns.data?.items.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className="ruyu-field-label" htmlFor={`${id}-village`}>
            {t('hotline.public.villageSelect')}
          </label>
          <select
            id={`${id}-village`}
            className="ruyu-input"
            value={value.length > 9 ? value : ''}
            disabled={!town || !villages.data?.items.length}
            aria-busy={(Boolean(town) && villages.isPending) || undefined}
            onChange={(e) => onChange(e.target.value || town)}
          >
            <option value="">
              {town && villages.isPending ? t('common.states.loading') : t('hotline.public.villageAny')}
            </option>
            {villages.data?.items.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div id={errorId} className="ruyu-field-error" aria-live="polite">
        {error}
      </div>
    </fieldset>
  )
}

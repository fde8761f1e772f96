import { Cascader } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DISTRICT_CODE } from '../district'
import { useLoadDivisions } from '../hooks'

export { DISTRICT_CODE } from '../district'

interface Option {
  value: string
  label: string
  isLeaf?: boolean
  children?: Option[]
}

/** The cascader path of a division code: town (9 digits), then village (12 digits). */
function pathOf(code: string | undefined | null): string[] | undefined {
  if (!code || code.length < 9) return undefined
  return code.length > 9 ? [code.slice(0, 9), code] : [code]
}

/**
 * Town → village picker over the real division tree (UI.md: division pickers as a cascader over the real tree).
 * The value is the code of the deepest level chosen; a town alone is allowed (the caller may not know the
 * village). Villages load when a town opens; searching works on what has been loaded.
 */
export function DivisionCascader({
  value,
  onChange,
  onLabel,
  id,
  townsOnly = false,
  allowDistrict = false,
  ...rest
}: {
  value?: string | null
  onChange?: (code: string | undefined) => void
  /** Called with the names along the chosen path (文化街道 / 北关社区), to prefill the address. */
  onLabel?: (names: string[]) => void
  id?: string
  townsOnly?: boolean
  /** Offer the whole district as the first option (routing rules). */
  allowDistrict?: boolean
  placeholder?: string
  'aria-label'?: string
}) {
  const { t } = useTranslation()
  const load = useLoadDivisions()
  const [options, setOptions] = useState<Option[]>([])
  const [loading, setLoading] = useState(true)

  // biome-ignore lint/correctness/useExhaustiveDependencies: the towns load once
  useEffect(() => {
    let live = true
    load(DISTRICT_CODE)
      .then(async (page) => {
        const towns: Option[] = page.items.map((d) => ({
          value: d.code,
          label: d.name,
          isLeaf: townsOnly || d.childCount === 0,
        }))
        // A village chosen before (editing) needs its town's children to show its name.
        const open = pathOf(value)
        if (open && open.length > 1 && !townsOnly) {
          const town = towns.find((o) => o.value === open[0])
          if (town) {
            const villages = await load(town.value)
            town.children = villages.items.map((d) => ({ value: d.code, label: d.name, isLeaf: true }))
          }
        }
        if (live)
          setOptions(
            allowDistrict
              ? [{ value: DISTRICT_CODE, label: t('hotline.division.whole'), isLeaf: true }, ...towns]
              : towns,
          )
      })
      .catch(() => undefined)
      .finally(() => live && setLoading(false))
    return () => {
      live = false
    }
  }, [])

  const path = useMemo(() => (value === DISTRICT_CODE ? [DISTRICT_CODE] : pathOf(value)), [value])

  return (
    <Cascader<Option>
      id={id}
      aria-label={rest['aria-label']}
      options={options}
      value={path}
      loading={loading}
      changeOnSelect
      placeholder={rest.placeholder ?? t('hotline.intake.divisionPlaceholder')}
      showSearch={{ filter: (input, nodes) => nodes.some((o) => o.label.includes(input.trim())) }}
      loadData={(selected) => {
        const target = selected[selected.length - 1]
        if (!target || target.children) return
        void load(target.value).then((page) => {
          target.children = page.items.map((d) => ({ value: d.code, label: d.name, isLeaf: true }))
          setOptions((prev) => [...prev])
        })
      }}
      onChange={(next, selected) => {
        onChange?.(next?.length ? String(next[next.length - 1]) : undefined)
        onLabel?.((selected ?? []).map((o) => o.label))
      }}
      style={{ width: '100%' }}
      allowClear
    />
  )
}

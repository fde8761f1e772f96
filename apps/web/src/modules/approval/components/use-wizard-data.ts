import { Form, type FormInstance } from 'antd'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useAccess } from '../../../access'
import { useDebouncedValue } from '../../../shared/use-debounced-value'
import { CONSTRUCTION_THEME, type CombinedField } from '../api'
import { decidingFields, decidingValues, groupFields, type WizardValues } from '../apply-model'
import { useLocations, useParks, usePlan, useTheme, useTowns, useZoneKinds } from '../hooks'

/**
 * What the application wizard shows: the theme, reference lists, and the live plan with its combined form for
 * the values that decide the variant (debounced), split into the basics step and the stage groups.
 */
export function useWizardData(mode: 'online' | 'window', form: FormInstance<WizardValues>) {
  const { t } = useTranslation()
  const { user } = useAccess()
  const theme = useTheme(CONSTRUCTION_THEME)
  const towns = useTowns()
  const parks = useParks()
  const kinds = useZoneKinds()
  const locations = useLocations(mode === 'window')

  // Watch only what the wizard itself needs, so typing in one of sixty fields does not re-render all of them.
  const keys = useMemo(() => decidingFields(theme.data), [theme.data])
  const decidingNow = Form.useWatch((all: WizardValues) => JSON.stringify(decidingValues(keys, all.form)), form)
  const landAreaMu = Number(Form.useWatch(['form', 'landAreaMu'], form) ?? 0) || 0
  const parkCode = Form.useWatch('parkCode', form) as string | undefined
  const decidingKey = useDebouncedValue(decidingNow ?? '{}', 300)
  const deciding = useMemo(() => JSON.parse(decidingKey) as Record<string, unknown>, [decidingKey])
  const plan = usePlan(CONSTRUCTION_THEME, deciding, parkCode)
  const combined = plan.data?.form

  const themeKeys = useMemo(() => new Set((theme.data?.formFields ?? []).map((f) => f.key)), [theme.data])
  const basics = useMemo(() => (combined?.fields ?? []).filter((f) => themeKeys.has(f.key)), [combined, themeKeys])
  const groups = useMemo(
    () => (combined ? groupFields(combined.fields, themeKeys, theme.data, t('approval.apply.otherGroup')) : []),
    [combined, themeKeys, theme.data, t],
  )
  const itemNames = useMemo(
    () =>
      new Map([
        ...(theme.data?.items ?? []).map((i) => [i.code, i.name] as const),
        ...(combined?.items ?? []).map((i) => [i.code, i.name] as const),
      ]),
    [theme.data, combined],
  )

  // The clerk's own service location first: the one in the clerk's division, the district hall when several.
  useEffect(() => {
    if (mode !== 'window' || !locations.data || form.getFieldValue('locationId')) return
    const scope = user?.posts[0]?.scopeDivisionCode
    const here = locations.data.items.filter((l) => l.divisionCode === scope)
    const pick = here.find((l) => l.kind === 'district_hall') ?? here[0] ?? locations.data.items[0]
    if (pick) form.setFieldValue('locationId', pick.id)
  }, [mode, locations.data, user, form])

  const usedByText = useMemo(() => {
    const out = new Map<string, string>()
    for (const f of combined?.fields ?? []) {
      const names = f.itemCodes.slice(0, 6).map((c) => itemNames.get(c) ?? c)
      out.set(
        f.key,
        f.itemCodes.length === 0
          ? t('approval.apply.usedByTheme')
          : t('approval.apply.usedByItems', {
              count: f.itemCodes.length,
              names: names.join('、') + (f.itemCodes.length > names.length ? '…' : ''),
            }),
      )
    }
    return out
  }, [combined, itemNames, t])
  const usedBy = (f: CombinedField) => usedByText.get(f.key)

  return {
    theme,
    towns,
    parks,
    kinds,
    locations,
    plan,
    combined,
    landAreaMu,
    parkCode,
    themeKeys,
    basics,
    groups,
    itemNames,
    usedBy,
  }
}

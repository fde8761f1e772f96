import type {
  CombinedForm,
  Item,
  ItemInput,
  ItemSummary,
  Park,
  Theme,
  ThemeDetail,
  ThemeInput,
  ZoneAssessmentKind,
} from '@ruyu/contracts/catalog'
import { http, type Page } from '../../shared/request'

export type {
  CombinedField,
  CombinedForm,
  CombinedMaterial,
  Condition,
  FormField,
  FormFieldType,
  HandlingLevel,
  Item,
  ItemInput,
  ItemSummary,
  Material,
  Park,
  ResolvedStage,
  Rule,
  Theme,
  ThemeDetail,
  ThemeInput,
  ThemeStage,
  ThemeVariant,
  VariantPlan,
  ZoneAssessmentKind,
} from '@ruyu/contracts/catalog'

export interface ItemQuery {
  page: number
  pageSize: number
  q?: string
  department?: string
  stage?: number
  level?: string
}

export interface CatalogDepartment {
  code: string
  name: string
  shortName: string | null
  itemCount: number
}

export interface ThemeSummary {
  code: string
  version: number
  name: string
  description: string | null
  createdAt: string
  stageCount: number
  itemCount: number
  variantCount: number
}

const base = '/api/catalog'
const enc = encodeURIComponent

export function listItems(query: ItemQuery, signal?: AbortSignal): Promise<Page<ItemSummary>> {
  return http.get<Page<ItemSummary>>(`${base}/items`, query, signal)
}

export function getItem(code: string, signal?: AbortSignal): Promise<Item> {
  return http.get<Item>(`${base}/items/${enc(code)}`, undefined, signal)
}

export function listItemVersions(code: string, signal?: AbortSignal): Promise<Page<Item>> {
  return http.get<Page<Item>>(`${base}/items/${enc(code)}/versions`, undefined, signal)
}

/** Stores a new version of the item; `baseVersion` is the version the form was loaded from. */
export function updateItem(code: string, input: ItemInput): Promise<Item> {
  return http.put<Item>(`${base}/items/${enc(code)}`, input)
}

export function listCatalogDepartments(signal?: AbortSignal): Promise<Page<CatalogDepartment>> {
  return http.get<Page<CatalogDepartment>>(`${base}/departments`, undefined, signal)
}

export function listThemes(signal?: AbortSignal): Promise<Page<ThemeSummary>> {
  return http.get<Page<ThemeSummary>>(`${base}/themes`, undefined, signal)
}

export function getTheme(code: string, signal?: AbortSignal): Promise<ThemeDetail> {
  return http.get<ThemeDetail>(`${base}/themes/${enc(code)}`, undefined, signal)
}

export function listThemeVersions(code: string, signal?: AbortSignal): Promise<Page<Theme>> {
  return http.get<Page<Theme>>(`${base}/themes/${enc(code)}/versions`, undefined, signal)
}

export function updateTheme(code: string, input: ThemeInput): Promise<Theme> {
  return http.put<Theme>(`${base}/themes/${enc(code)}`, input)
}

export function getCombinedForm(code: string, variant: string | null, signal?: AbortSignal): Promise<CombinedForm> {
  return http.get<CombinedForm>(`${base}/themes/${enc(code)}/combined-form`, { variant }, signal)
}

export function listZoneAssessmentKinds(signal?: AbortSignal): Promise<Page<ZoneAssessmentKind>> {
  return http.get<Page<ZoneAssessmentKind>>(`${base}/zone-assessments`, undefined, signal)
}

export function updateZoneAssessmentKind(
  code: string,
  input: { name: string; description?: string; costPerMuYuan: number },
): Promise<ZoneAssessmentKind> {
  return http.put<ZoneAssessmentKind>(`${base}/zone-assessments/${enc(code)}`, input)
}

export function listParks(signal?: AbortSignal): Promise<Page<Park>> {
  return http.get<Page<Park>>(`${base}/parks`, undefined, signal)
}

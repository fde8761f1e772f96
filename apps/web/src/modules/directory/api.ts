import { http, type Page } from '../../shared/request'
import type { Post } from '../auth/api'

export type DivisionLevel = 'province' | 'city' | 'district' | 'town' | 'village'
export type DivisionKind = 'province' | 'city' | 'district' | 'street' | 'town' | 'community' | 'village'

export interface Division {
  code: string
  name: string
  level: DivisionLevel
  kind: DivisionKind
  parentCode: string | null
  childCount: number
  dataYear: number
}

export interface DivisionDetail extends Division {
  /** From the top of the tree down to and including this division. */
  path: { code: string; name: string }[]
}

export interface Department {
  id: string
  code: string
  name: string
  shortName: string | null
  kind: string
  divisionCode: string
  parentId: string | null
  constructionApproval: boolean
}

export type LocationKind = 'district_hall' | 'town_centre' | 'village_station' | 'park_station'

export interface ServiceLocation {
  id: string
  code: string
  name: string
  kind: LocationKind
  divisionCode: string
  address: string
  phone: string | null
  departmentCount: number
}

export type StaffStatus = 'active' | 'locked' | 'disabled'

export interface Staff {
  id: string
  username: string
  displayName: string
  mobileMasked: string | null
  status: StaffStatus
  /** While locked out by failed logins: when the lock ends (ISO time). */
  lockedUntil: string | null
  posts: Post[]
}

export interface PageQuery {
  page: number
  pageSize: number
}

export function listDivisions(
  query: { parentCode?: string; q?: string; dataYear?: number },
  signal?: AbortSignal,
): Promise<Page<Division>> {
  return http.get<Page<Division>>('/api/directory/divisions', query, signal)
}

export function getDivision(code: string, signal?: AbortSignal): Promise<DivisionDetail> {
  return http.get<DivisionDetail>(`/api/directory/divisions/${encodeURIComponent(code)}`, undefined, signal)
}

export function listDepartments(
  query: PageQuery & { q?: string; kind?: string },
  signal?: AbortSignal,
): Promise<Page<Department>> {
  return http.get<Page<Department>>('/api/directory/departments', query, signal)
}

export function listLocations(
  query: PageQuery & { q?: string; kind?: string; divisionCode?: string },
  signal?: AbortSignal,
): Promise<Page<ServiceLocation>> {
  return http.get<Page<ServiceLocation>>('/api/directory/locations', query, signal)
}

/** Ends a staff member's login lock-out (staff:manage). */
export function unlockStaff(id: string): Promise<void> {
  return http.post<void>(`/api/admin/users/${encodeURIComponent(id)}/unlock`)
}

export function listStaff(
  query: PageQuery & { q?: string; divisionCode?: string; departmentId?: string },
  signal?: AbortSignal,
): Promise<Page<Staff>> {
  return http.get<Page<Staff>>('/api/directory/staff', query, signal)
}

import type { RatingListItem, RatingStats } from '@ruyu/contracts/rating'
import { http, type Page } from '../../shared/request'

export type { RatingListItem, RatingStats } from '@ruyu/contracts/rating'
export { RECTIFICATION_STATES } from '@ruyu/contracts/rating'

export interface RatingQuery {
  page: number
  pageSize: number
  bad?: boolean
  level?: number
  departmentId?: string
  rectification?: string
}

const base = '/api/ratings'

/** Ratings the caller may see (a department its own; the supervising bureau and leaders every department's). */
export function listRatings(q: RatingQuery, signal?: AbortSignal): Promise<Page<RatingListItem>> {
  return http.get<Page<RatingListItem>>(base, { ...q, bad: q.bad ? 'true' : undefined }, signal)
}

export function getRatingStats(signal?: AbortSignal): Promise<RatingStats> {
  return http.get<RatingStats>(`${base}/stats`, undefined, signal)
}

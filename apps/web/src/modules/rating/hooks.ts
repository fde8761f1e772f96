import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { getRatingStats, listRatings, type RatingQuery } from './api'

const root = ['rating'] as const

export function useRatings(q: RatingQuery) {
  return useQuery({
    queryKey: [...root, 'list', q],
    queryFn: ({ signal }) => listRatings(q, signal),
    placeholderData: keepPreviousData,
  })
}

export function useRatingStats() {
  return useQuery({ queryKey: [...root, 'stats'], queryFn: ({ signal }) => getRatingStats(signal) })
}

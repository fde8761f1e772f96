/** 好差评 ratings of any rated subject, with the 差评 rectification loop on the workflow engine. */

export { isBadRating, LEVELS, satisfactionRate } from './domain.ts'
/** Rating routes (handlers' list, statistics). */
export { ratingRoutes } from './routes.ts'
export { createRatingService, type RateInput, type RatingService } from './service.ts'

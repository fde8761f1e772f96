import { defineError } from '../../platform/errors.ts'

export const alreadyRated = defineError('RATING_ALREADY_RATED', 'conflict', {
  zh: '您已评价过该事项，每件事项只能评价一次',
  en: 'You have already rated this matter; each matter is rated once',
})
export const reasonRequired = defineError('RATING_REASON_REQUIRED', 'validation', {
  zh: '差评请选择或填写原因',
  en: 'A bad rating needs a reason',
})

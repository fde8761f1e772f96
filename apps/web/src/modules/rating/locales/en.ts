import type rating from './zh-CN'

const en: typeof rating = {
  levels: {
    '5': 'Very satisfied',
    '4': 'Satisfied',
    '3': 'Fairly satisfied',
    '2': 'Dissatisfied',
    '1': 'Very dissatisfied',
  },
  reasons: {
    办事指南不准确: 'The service guide was inaccurate',
    多次跑动: 'I had to come more than once',
    办理超时: 'It took longer than promised',
    服务态度差: 'Staff were unhelpful',
    要求提交额外材料: 'Extra documents were demanded',
    系统操作不便: 'The system was hard to use',
    其他: 'Other',
  },
  form: {
    title: 'Rate this service',
    intro:
      'Your certificates are out. Please rate the approval service. Ratings are recorded with your name; the approval bureau calls back on every bad rating and follows up its rectification.',
    level: 'How satisfied are you?',
    levelRequired: 'Please choose a level',
    reasons: 'What went wrong?',
    reasonsRequired: 'For “dissatisfied” or “very dissatisfied”, choose at least one reason',
    comment: 'Comments',
    commentPlaceholder: 'Optional, up to 1000 characters',
    submit: 'Submit rating',
    submitted: 'Thank you for your rating',
  },
  given: {
    title: 'Your rating',
    titleStaff: 'Applicant’s rating',
    at: 'Rated on {{date}}',
    thanks: 'Thank you; we keep improving our service.',
    bad: 'The approval bureau will call you back and follow up the rectification.',
  },
}

export default en

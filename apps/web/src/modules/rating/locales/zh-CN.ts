/** Strings of 好差评 (service rating): the five levels, the 差评 reasons, the form and the given rating. */
const rating = {
  levels: {
    '5': '非常满意',
    '4': '满意',
    '3': '基本满意',
    '2': '不满意',
    '1': '非常不满意',
  },
  reasons: {
    办事指南不准确: '办事指南不准确',
    多次跑动: '多次跑动',
    办理超时: '办理超时',
    服务态度差: '服务态度差',
    要求提交额外材料: '要求提交额外材料',
    系统操作不便: '系统操作不便',
    其他: '其他',
  },
  form: {
    title: '评价本次服务',
    intro: '证照已出件，请对本次审批服务作出评价。评价实名记录，差评将由审批局回访核实并督促整改。',
    level: '满意程度',
    levelRequired: '请选择满意程度',
    reasons: '不满意的原因',
    reasonsRequired: '选择“不满意”或“非常不满意”时，请至少选择一项原因',
    comment: '意见建议',
    commentPlaceholder: '选填，最多 1000 字',
    submit: '提交评价',
    submitted: '感谢您的评价',
  },
  given: {
    title: '您的评价',
    titleStaff: '申请人评价',
    at: '评价时间 {{date}}',
    thanks: '感谢您的评价，我们会持续改进服务。',
    bad: '差评已转审批局回访核实并督促整改。',
  },
}

export default rating

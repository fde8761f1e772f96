const home = {
  welcome: '{{name}}，您好',
  welcomeHint: '欢迎使用如鱼政务服务平台。',
  posts: '我的岗位',
  noPosts: '您的账号还没有分配岗位，请联系系统管理员分配岗位后再办理业务。',
  post: '{{role}} · {{scope}}',
  quickLinks: '常用功能',
  noQuickLinks: '您的岗位暂时没有可用的功能入口。如需开通，请联系系统管理员。',
  notifications: '消息通知',
  unreadSummary: '您有 {{count}} 条未读消息',
  allRead: '没有未读消息，消息到达后会显示在这里和右上角的铃铛中。',
  roleHints: {
    admin: '管理行政区划、部门、服务场所和工作人员账号，维护节假日与系统配置。',
    district_leader: '查看全区政务服务运行情况与关键指标。',
    window_clerk: '在综合窗口受理群众和企业的办事申请，一窗受理、统一出件。',
    dept_reviewer: '审查本部门承办的事项，在时限内作出审批决定。',
    town_clerk: '办理下放到镇街的事项，协调辖区内的帮办代办工作。',
    village_agent: '为村居群众提供帮办代办服务，跟踪代办进度。',
    hotline_operator: '受理 12345 热线来电，登记工单并派发到承办单位。',
    handling_unit: '签收并办理 12345 工单，按时反馈办理结果。',
    inspector: '执行双随机抽查与现场检查，登记隐患和整改情况。',
    enterprise_user: '在线办理企业事项，查看惠企政策和服务进度。',
    citizen: '在线办事、查询进度、参与评价。',
    service_provider: '受理并办理企业通过政企云提交的服务申请，办结后由企业评价。',
    policy_officer: '发布本部门的惠企政策并设置适用条件，24 小时内答复企业提问。',
  },
}

export default home

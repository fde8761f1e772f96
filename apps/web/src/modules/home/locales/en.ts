import type home from './zh-CN'

const en: typeof home = {
  welcome: 'Hello, {{name}}',
  welcomeHint: 'Welcome to Ruyu Government Services.',
  posts: 'My posts',
  noPosts: 'Your account has no post yet. Ask a system administrator to assign one before you start work.',
  post: '{{role}} · {{scope}}',
  quickLinks: 'Quick links',
  hotline: {
    title: '12345 government service hotline',
    hint: 'Complaints, requests for help, questions and suggestions can be sent online; track them with the order number and code, no login needed.',
    submit: 'Send a request online',
    track: 'Track a request',
  },
  noQuickLinks: 'Your posts do not give access to any function yet. Ask a system administrator if you need one.',
  notifications: 'Notifications',
  unreadSummary: 'You have {{count}} unread notifications',
  allRead: 'No unread notifications. New ones appear here and under the bell at the top right.',
  roleHints: {
    admin: 'Manage divisions, departments, service locations and staff accounts; maintain holidays and settings.',
    district_leader: 'Follow how government services run across the district and their key figures.',
    window_clerk: 'Receive applications from citizens and enterprises at the one-stop window and issue results.',
    dept_reviewer: 'Review the items your department handles and decide within the legal time limit.',
    town_clerk: 'Handle items delegated to your town or street and coordinate assisted service there.',
    village_agent: 'Provide assisted service to villagers and follow the progress of what you handle for them.',
    hotline_operator: 'Take 12345 hotline calls, register work orders and dispatch them to handling units.',
    handling_unit: 'Acknowledge and handle 12345 work orders and report results on time.',
    inspector: 'Carry out random spot checks and site inspections; record hazards and their rectification.',
    enterprise_user: 'Apply online for enterprise services, read matching policies and follow progress.',
    citizen: 'Apply online, follow progress and rate the service.',
    service_provider: 'Accepts and handles the service requests enterprises send through the enterprise cloud.',
    policy_officer:
      "Publishes the department's policies with their eligibility rules and answers enterprise questions within 24 hours.",
  },
}

export default en

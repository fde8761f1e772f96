import type common from './zh-CN'

const en: typeof common = {
  appName: 'Ruyu Government Services',
  appShortName: 'Ruyu',
  districtName: 'Muping District, Yantai',
  actions: {
    search: 'Search',
    reset: 'Reset',
    retry: 'Retry',
    print: 'Print',
    export: 'Export to Excel',
    exportHint: 'Every result under the current filters, as an Excel workbook',
    refresh: 'Refresh',
    back: 'Back',
    backHome: 'Back to home',
    open: 'Open',
    viewAll: 'View all',
    close: 'Close',
    copy: 'Copy',
    copied: 'Copied',
  },
  states: {
    loading: 'Loading…',
    empty: 'No data',
    yes: 'Yes',
    no: 'No',
    none: '—',
  },
  pagination: {
    total: '{{total}} in total',
  },
  errors: {
    requestId: 'Request ID {{id}}',
    network: 'Cannot reach the server. Check your network and try again.',
    http: 'The server could not handle the request (status {{status}}). Please try again later.',
    unknown: 'Something unexpected went wrong. Please try again later.',
    title: 'That did not work',
    loadFailed: 'Failed to load',
    // Public pages (citizens): no codes or request ids, only what to do next.
    publicServer: 'The service is unavailable right now. Please try again later.',
    publicNotFound: 'Nothing was found. Please check what you entered and try again.',
    publicRejected: 'The request could not be completed. Please check what you entered.',
  },
  roles: {
    admin: 'System administrator',
    district_leader: 'District leader',
    window_clerk: 'Service window clerk',
    dept_reviewer: 'Department reviewer',
    town_clerk: 'Town/street staff',
    village_agent: 'Village assisted-service agent',
    hotline_operator: '12345 hotline operator',
    handling_unit: 'Handling unit staff',
    inspector: 'Inspector',
    enterprise_user: 'Enterprise user',
    citizen: 'Citizen',
    service_provider: 'Service provider staff',
    policy_officer: 'Department policy officer',
  },
  display: {
    label: 'Display settings',
    elder: 'Senior mode',
    largeText: 'Large text',
    highContrast: 'High contrast',
    on: '{{name}} on',
    off: '{{name}} off',
  },
  language: {
    switchTo: 'Switch to {{name}}',
    zhCN: '中文',
    en: 'English',
  },
  password: {
    show: 'Show password',
  },
}

export default en

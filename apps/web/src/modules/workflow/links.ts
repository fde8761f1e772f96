/**
 * Where a process's subject is worked on. Subjects whose module owns their actions (theme cases, 12345 orders,
 * service requests, policy questions) open the module's page, whose buttons carry its side effects; null for a
 * subject the generic process page handles (e.g. a 差评 rectification).
 */
export function subjectLink(subject: { type: string; id: string }, accountKind?: string): string | null {
  const id = encodeURIComponent(subject.id)
  const enterprise = accountKind === 'enterprise'
  switch (subject.type) {
    case 'approval_case':
      return `/approval/cases/${id}`
    case 'hotline_order':
      return `/hotline/orders/${id}`
    case 'enterprise_service_request':
      return enterprise ? '/enterprise/portal' : '/enterprise/provider'
    case 'policy_question':
      return enterprise ? '/policy/mine' : '/policy/questions'
    default:
      return null
  }
}

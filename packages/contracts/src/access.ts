/**
 * Roles and capabilities: the single table both the server (route guards) and the web (menu `access`) read.
 * A post = role + scope (division code prefix, optional department); capabilities come from the role.
 */
export const CAPABILITIES = [
  'directory:read',
  'directory:manage',
  'staff:read',
  'staff:manage',
  'calendar:manage',
  'audit:read',
  'apikey:manage',
  'docnumber:manage',
  'notification:send',
  'file:upload',
  // Theme approval (issue #3)
  'catalog:read',
  'catalog:manage',
  'approval:apply', // an enterprise applies online and follows its own cases
  'approval:intake', // a window clerk takes in applications for an applicant
  'approval:read', // staff read cases inside their scope
  'approval:review', // department reviewers act on their department's branches
  'certificate:print',
  'certificate:revoke',
  'rating:submit',
  'rating:handle',
  'stats:read',
] as const
export type Capability = (typeof CAPABILITIES)[number]

export const ROLES = [
  'admin',
  'district_leader',
  'window_clerk',
  'dept_reviewer',
  'town_clerk',
  'village_agent',
  'hotline_operator',
  'handling_unit',
  'inspector',
  'enterprise_user',
  'citizen',
] as const
export type Role = (typeof ROLES)[number]

const STAFF_BASE: Capability[] = ['directory:read', 'staff:read', 'file:upload', 'catalog:read']

export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: CAPABILITIES,
  district_leader: [...STAFF_BASE, 'audit:read', 'approval:read', 'stats:read'],
  window_clerk: [...STAFF_BASE, 'approval:intake', 'approval:read', 'certificate:print', 'stats:read'],
  dept_reviewer: [...STAFF_BASE, 'approval:read', 'approval:review', 'rating:handle'],
  town_clerk: [...STAFF_BASE],
  village_agent: [...STAFF_BASE],
  hotline_operator: [...STAFF_BASE],
  handling_unit: [...STAFF_BASE],
  inspector: [...STAFF_BASE],
  enterprise_user: ['file:upload', 'catalog:read', 'approval:apply', 'rating:submit'],
  citizen: ['file:upload'],
}

/** Capabilities granted by a set of roles (union). */
export function capabilitiesOf(roles: readonly string[]): Capability[] {
  const out = new Set<Capability>()
  for (const r of roles) for (const c of ROLE_CAPABILITIES[r as Role] ?? []) out.add(c)
  return [...out].sort()
}

export const ACCOUNT_KINDS = ['staff', 'enterprise', 'citizen'] as const
export type AccountKind = (typeof ACCOUNT_KINDS)[number]

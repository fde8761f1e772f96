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
  'rating:read', // read 好差评 ratings and their statistics: a department its own, the supervising bureau and leaders all
  'stats:read',
  // 12345 hotline (issue #4)
  'hotline:intake', // the centre takes calls and web requests in (and answers from the knowledge base)
  'hotline:dispatch', // the centre routes orders to handling units, merges duplicates, declines
  'hotline:review', // the centre reviews replies and extensions, follows up, reminds and supervises
  'hotline:handle', // handling units acknowledge, return, extend and reply to their orders
  'hotline:read', // read orders inside the caller's visibility (units: their own orders only)
  'hotline:manage', // categories, routing rules, knowledge base, hotline settings
  'hotline:transfer', // upstream platform transfer API (integration keys)
  'open311:submit', // Open311 GeoReport v2 POST requests: API keys only, no human role has it
  // Enterprise service cloud 政企云 (issue #5)
  'enterprise:read', // staff read enterprise profiles (画像), requests and lists inside their scope
  'enterprise:manage', // staff create, edit and import enterprises; manage providers and the service catalogue
  'enterprise:verify', // staff verify or reject self-registered enterprise accounts
  'enterprise:service-request', // a verified enterprise applies for services, follows and rates its requests
  'enterprise:service-handle', // provider staff accept, decline and complete their provider's requests
  'enterprise:board', // a verified enterprise publishes needs/offers and contacts others through the platform
  // Policy push 惠企政策 (issue #5)
  'policy:read', // staff read all policies (drafts too), match counts and matched enterprises
  'policy:manage', // department policy staff draft, publish and expire policies, interpretations, rule preview
  'policy:answer', // department policy staff answer questions routed to their department and publish FAQs
  'policy:ask', // an enterprise reads its matched policies and asks and rates policy questions
  // Operations
  'ops:metrics', // read the Prometheus /metrics endpoint
] as const
export type Capability = (typeof CAPABILITIES)[number]

/**
 * Account and role administration: only a person may hold these, never an API key (a key could otherwise create
 * an admin account, mint further keys or vouch for an enterprise account). Refused when a key is created and
 * ignored on a key that holds one.
 */
export const HUMAN_ONLY_CAPABILITIES: readonly Capability[] = ['staff:manage', 'apikey:manage', 'enterprise:verify']

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
  'service_provider',
  'policy_officer',
] as const
export type Role = (typeof ROLES)[number]

const STAFF_BASE: Capability[] = ['directory:read', 'staff:read', 'file:upload', 'catalog:read']

export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: CAPABILITIES.filter((c) => c !== 'open311:submit'),
  district_leader: [
    ...STAFF_BASE,
    'audit:read',
    'approval:read',
    'stats:read',
    'hotline:read',
    'enterprise:read',
    'policy:read',
    'rating:read',
  ],
  window_clerk: [
    ...STAFF_BASE,
    'approval:intake',
    'approval:read',
    'certificate:print',
    'stats:read',
    'enterprise:read',
    'enterprise:verify',
    'rating:read',
  ],
  dept_reviewer: [...STAFF_BASE, 'approval:read', 'approval:review', 'rating:handle', 'rating:read'],
  town_clerk: [...STAFF_BASE, 'hotline:handle', 'hotline:read'],
  village_agent: [...STAFF_BASE],
  hotline_operator: [
    ...STAFF_BASE,
    'hotline:intake',
    'hotline:dispatch',
    'hotline:review',
    'hotline:read',
    'hotline:manage',
    'stats:read',
  ],
  handling_unit: [...STAFF_BASE, 'hotline:handle', 'hotline:read'],
  inspector: [...STAFF_BASE],
  enterprise_user: [
    'file:upload',
    'catalog:read',
    'approval:apply',
    'rating:submit',
    'enterprise:service-request',
    'enterprise:board',
    'policy:ask',
  ],
  citizen: ['file:upload'],
  // Staff of a bank, law firm, university, agency or department offering 政企云 services (posts on its org unit).
  service_provider: ['file:upload', 'enterprise:service-handle'],
  // A department's policy staff (政策专员): drafts and publishes its policies and answers its policy questions.
  policy_officer: [...STAFF_BASE, 'policy:read', 'policy:manage', 'policy:answer', 'rating:handle', 'rating:read'],
}

/** Capabilities granted by a set of roles (union). */
export function capabilitiesOf(roles: readonly string[]): Capability[] {
  const out = new Set<Capability>()
  for (const r of roles) for (const c of ROLE_CAPABILITIES[r as Role] ?? []) out.add(c)
  return [...out].sort()
}

export const ACCOUNT_KINDS = ['staff', 'enterprise', 'citizen'] as const
export type AccountKind = (typeof ACCOUNT_KINDS)[number]

/**
 * Capabilities that only an account of these kinds can use: the server answers them from the account's own
 * enterprise, so a staff admin who holds every capability still has nothing to show there. The UI hides them.
 */
export const CAPABILITY_ACCOUNT_KINDS: Partial<Record<Capability, readonly AccountKind[]>> = {
  'approval:apply': ['enterprise'],
  'enterprise:service-request': ['enterprise'],
  'enterprise:board': ['enterprise'],
  'policy:ask': ['enterprise'],
}

/** Whether an account of this kind can use a capability it holds. */
export function usableByKind(capability: Capability, kind: AccountKind): boolean {
  const kinds = CAPABILITY_ACCOUNT_KINDS[capability]
  return !kinds || kinds.includes(kind)
}

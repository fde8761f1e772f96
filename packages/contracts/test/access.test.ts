import { describe, expect, it } from 'vitest'
import { capabilitiesOf, usableByKind } from '../src/access.ts'

// Admin holds every capability, yet the enterprise-only ones answer from the account's own enterprise: the menu
// once offered them to admin, and the enterprise home page then looped on its errors (issue #10).
describe('usableByKind', () => {
  it('keeps enterprise-only capabilities from staff accounts that hold them', () => {
    const admin = capabilitiesOf(['admin'])
    expect(admin).toContain('policy:ask')
    const usable = admin.filter((c) => usableByKind(c, 'staff'))
    for (const c of ['policy:ask', 'enterprise:board', 'enterprise:service-request', 'approval:apply'] as const)
      expect(usable).not.toContain(c)
    expect(usable).toContain('hotline:read')
  })

  it('leaves an enterprise account its own capabilities', () => {
    const own = capabilitiesOf(['enterprise_user'])
    expect(own.filter((c) => usableByKind(c, 'enterprise'))).toEqual(own)
  })
})

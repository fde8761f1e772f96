import { describe, expect, it } from 'vitest'
import { type AuditRow, auditHash, canonicalJson } from '../audit.ts'

const row: AuditRow = {
  seq: 1,
  at: '2026-11-28T06:00:00.000Z',
  actorId: 'u1',
  actorKind: 'user',
  action: 'user.create',
  resourceType: 'user',
  resourceId: 'u2',
  divisionCode: '370612',
  requestId: 'r1',
  data: { b: 1, a: [1, { y: 2, x: 1 }] },
  prevHash: '0'.repeat(64),
}

describe('audit hash chain', () => {
  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}')
    expect(canonicalJson({ a: [2, 1] })).toBe('{"a":[2,1]}')
  })
  it('the hash does not depend on key order', () => {
    expect(auditHash({ ...row, data: { a: [1, { x: 1, y: 2 }], b: 1 } })).toBe(auditHash(row))
  })
  it('changing any field or the previous link changes the hash', () => {
    const h = auditHash(row)
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(auditHash({ ...row, action: 'user.delete' })).not.toBe(h)
    expect(auditHash({ ...row, data: { b: 2, a: [1, { y: 2, x: 1 }] } })).not.toBe(h)
    expect(auditHash({ ...row, prevHash: '1'.repeat(64) })).not.toBe(h)
    expect(auditHash({ ...row, seq: 2 })).not.toBe(h)
  })
})

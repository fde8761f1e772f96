import { describe, expect, it } from 'vitest'
import { formatDocNumber, periodOf, validateDocPattern } from '../doc-number.ts'

describe('document number formatting', () => {
  it('formats the approval decision pattern', () => {
    expect(formatDocNumber('牟审〔{yyyy}〕{seq:6}', 123, new Date(2026, 4, 1))).toBe('牟审〔2026〕000123')
  })
  it('supports yy, mm and unpadded seq', () => {
    expect(formatDocNumber('MP{yy}{mm}-{seq}', 7, new Date(2026, 0, 9))).toBe('MP2601-7')
  })
  it('does not truncate numbers wider than the padding', () => {
    expect(formatDocNumber('{seq:3}', 12345, new Date(2026, 0, 1))).toBe('12345')
  })
  it('rejects patterns without a sequence or with unknown placeholders', () => {
    expect(() => validateDocPattern('牟审〔{yyyy}〕')).toThrowError(/DOCNUMBER|pattern/i)
    expect(() => validateDocPattern('{seq:6}{foo}')).toThrow()
    expect(() => validateDocPattern('牟审〔{yyyy}〕{seq:6}')).not.toThrow()
  })
  it('yearly periods follow China Standard Time at the turn of the year', () => {
    // 2026-12-31 17:00 UTC is already 2027-01-01 01:00 in Beijing.
    expect(periodOf('yearly', new Date('2026-12-31T17:00:00Z'))).toBe('2027')
    expect(periodOf('never', new Date())).toBe('all')
  })
})

import { describe, expect, it } from 'vitest'
import {
  CN_MOBILE,
  IdNumberSchema,
  idCheckChar,
  isCnMobile,
  isValidIdNumber,
  isValidOrganizationCode,
  isValidUscc,
  MobileSchema,
  maskIdNumber,
  maskMobile,
  UsccSchema,
  usccCheckChar,
  validateIdNumber,
  validateUscc,
} from '../src/index.ts'

// Expected check characters below were computed with an independent implementation (Python) of DOMAIN.md §6.
const TODAY = new Date('2026-03-01T04:00:00Z')

describe('validateUscc', () => {
  // Published codes of registered enterprises, plus the textbook sample used in most validator libraries.
  const real = [
    ['91350100M000100Y43', 'textbook sample (Fuzhou)'],
    ['914403001922038216', '华为技术有限公司'],
    ['9144030071526726XG', '腾讯科技（深圳）有限公司'],
    ['91440300708461136T', '深圳市腾讯计算机系统有限公司'],
    ['91110000802100433B', '北京百度网讯科技有限公司'],
    ['91110108551385082Q', '小米科技有限责任公司'],
  ] as const

  it.each(real)('accepts %s (%s)', (code) => {
    expect(isValidUscc(code)).toBe(true)
    expect(usccCheckChar(code.slice(0, 17))).toBe(code[17])
  })

  it('splits a code into its parts', () => {
    expect(validateUscc('91350100M000100Y43')).toEqual({
      ok: true,
      registrationAuthority: '9',
      category: '1',
      divisionCode: '350100',
      organizationCode: 'M000100Y4',
    })
  })

  it('accepts generated Muping codes of several authorities', () => {
    for (const code of ['91370612MA3C12346J', '12370612004000008N', '52370612MJD300006F', '92370612MA3N3T9U1G']) {
      const r = validateUscc(code)
      expect(r).toMatchObject({ ok: true, divisionCode: '370612' })
      if (r.ok) expect(isValidOrganizationCode(r.organizationCode)).toBe(true)
    }
  })

  it('does not enforce the inner GB 11714 check (some issued codes fail it)', () => {
    // Position 17 should be 6 under GB 11714, but the 18th character is right for what is written.
    expect(validateUscc('91370612MA3C12345F').ok).toBe(true)
    expect(isValidOrganizationCode('MA3C12345')).toBe(false)
    expect(isValidOrganizationCode('MA3C12346')).toBe(true)
    expect(isValidOrganizationCode('M000100Y4')).toBe(true)
    expect(isValidOrganizationCode('192203821')).toBe(true)
    expect(isValidOrganizationCode('71526726X')).toBe(true)
  })

  it.each([
    ['91350100M000100Y44', 'checksum'],
    ['914403001922038217', 'checksum'],
    ['91110108551385082R', 'checksum'],
    ['91350100M000100Y34', 'checksum'], // transposed characters
    ['91350100I000100Y43', 'format'], // I is not in the charset
    ['91350100O000100Y43', 'format'],
    ['91350100S000100Y43', 'format'],
    ['91350100V000100Y43', 'format'],
    ['91350100M000100Y4Z', 'format'],
    ['9135A100M000100Y43', 'format'], // division code must be digits
    ['91350100m000100y43', 'format'], // lower case is not normalised here
    ['91350100M000100Y4', 'format'], // 17 characters
    ['91350100M000100Y433', 'format'], // 19 characters
    [' 91350100M000100Y43', 'format'],
    ['', 'format'],
  ] as const)('rejects %s as %s', (code, reason) => {
    expect(validateUscc(code)).toEqual({ ok: false, reason })
    expect(isValidUscc(code)).toBe(false)
  })

  it('refuses to compute a check character for a malformed body', () => {
    expect(() => usccCheckChar('91350100M000100Y')).toThrow(TypeError)
    expect(() => usccCheckChar('91350100I000100Y4')).toThrow(TypeError)
  })
})

describe('validateIdNumber', () => {
  it('accepts the GB 11643-1999 sample 11010519491231002X', () => {
    expect(validateIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    })
    expect(idCheckChar('11010519491231002')).toBe('X')
  })

  it('accepts a lower-case x check character', () => {
    expect(isValidIdNumber('11010519491231002x', TODAY)).toBe(true)
  })

  it('rejects the standard sample 440524188001010014 only for its pre-1900 birth date', () => {
    // The check digit is right (GB 11643 example), but the platform refuses birth dates before 1900.
    expect(idCheckChar('44052418800101001')).toBe('4')
    expect(validateIdNumber('440524188001010014', TODAY)).toEqual({ ok: false, reason: 'birthdate' })
  })

  it.each([
    ['370612199003151238', '1990-03-15', 'male'],
    ['370612198511060020', '1985-11-06', 'female'],
    ['370612200002290047', '2000-02-29', 'female'], // 2000 is a leap year
    ['370612202402290037', '2024-02-29', 'male'],
    ['370612201701010512', '2017-01-01', 'male'],
    ['370612190001010019', '1900-01-01', 'male'], // earliest accepted date
  ] as const)('accepts Muping number %s', (id, birthDate, sex) => {
    expect(validateIdNumber(id, TODAY)).toEqual({ ok: true, regionCode: '370612', birthDate, sex })
  })

  it.each([
    ['370612199003151239', 'checksum'],
    ['370612198511060021', 'checksum'],
    ['11010519491231002Y', 'format'],
    ['110105194912310029', 'checksum'], // X replaced by 9
    ['370612199902300014', 'birthdate'], // 1999-02-30, check digit otherwise right
    ['370612190002290016', 'birthdate'], // 1900 is not a leap year
    ['370612199013011234', 'birthdate'], // month 13
    ['37061220991231001X', 'birthdate'], // future
    ['370612850315123', 'format'], // 15-digit legacy form
    ['37061219900315123', 'format'],
    ['3706121990031512380', 'format'],
    ['070612199003151238', 'format'], // address code cannot start with 0
    ['', 'format'],
  ] as const)('rejects %s as %s', (id, reason) => {
    expect(validateIdNumber(id, TODAY)).toEqual({ ok: false, reason })
    expect(isValidIdNumber(id, TODAY)).toBe(false)
  })

  it('takes "today" in Beijing time', () => {
    const id = '370612202603020017'
    expect(idCheckChar(id.slice(0, 17))).toBe('7')
    // 16:00Z on 1 March is midnight of 2 March in Beijing.
    expect(isValidIdNumber(id, new Date('2026-03-01T15:59:59Z'))).toBe(false)
    expect(isValidIdNumber(id, new Date('2026-03-01T16:00:00Z'))).toBe(true)
  })

  it('refuses to compute a check character for a malformed body', () => {
    expect(() => idCheckChar('3706121990031512')).toThrow(TypeError)
    expect(() => idCheckChar('3706121990031512X')).toThrow(TypeError)
  })
})

describe('masks', () => {
  it('masks an ID number to first 4 + 10 asterisks + last 4', () => {
    expect(maskIdNumber('370612199003151238')).toBe('3706**********1238')
    expect(maskIdNumber('11010519491231002x')).toBe('1101**********002X')
    expect(maskIdNumber('1234')).toBe('****')
  })

  it('masks a mobile number to first 3 + 4 asterisks + last 4', () => {
    expect(maskMobile('13812345678')).toBe('138****5678')
    expect(maskMobile('123')).toBe('***')
  })
})

describe('mobile numbers', () => {
  it.each(['13812345678', '15005356789', '16612345678', '17712345678', '18953512345', '19912345678'])(
    'accepts %s',
    (phone) => {
      expect(isCnMobile(phone)).toBe(true)
      expect(CN_MOBILE.test(phone)).toBe(true)
    },
  )

  it.each(['12812345678', '1381234567', '138123456789', '+8613812345678', '138-1234-5678', '0535-4212345', ''])(
    'rejects %s',
    (phone) => {
      expect(isCnMobile(phone)).toBe(false)
    },
  )
})

describe('schemas', () => {
  const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
    r.error?.issues.map((i) => i.message) ?? []

  it('UsccSchema reports format and checksum separately', () => {
    expect(UsccSchema.safeParse('91350100M000100Y43').success).toBe(true)
    expect(messages(UsccSchema.safeParse('91350100I000100Y43'))).toEqual([
      expect.stringContaining('must be 18 upper-case characters'),
    ])
    expect(messages(UsccSchema.safeParse('91350100M000100Y44'))).toEqual([
      'Unified social credit code check character is wrong',
    ])
  })

  it('IdNumberSchema reports format, birth date and checksum separately', () => {
    expect(IdNumberSchema.safeParse('11010519491231002X').success).toBe(true)
    expect(messages(IdNumberSchema.safeParse('370612850315123'))).toEqual([
      'ID number must be 17 digits followed by a digit or X',
    ])
    expect(messages(IdNumberSchema.safeParse('370612199902300014'))).toEqual([
      expect.stringContaining('birth date is impossible'),
    ])
    expect(messages(IdNumberSchema.safeParse('370612199003151239'))).toEqual(['ID number check character is wrong'])
  })

  it('MobileSchema accepts only 11-digit mainland mobiles', () => {
    expect(MobileSchema.safeParse('13812345678').success).toBe(true)
    expect(messages(MobileSchema.safeParse('0535-4212345'))).toHaveLength(1)
    expect(MobileSchema.safeParse(13812345678).success).toBe(false)
  })
})

describe('identifiers.ts', () => {
  it('does not import zod, so the public pages can check phone numbers without loading it', async () => {
    const fs = await import('node:fs')
    const source = fs.readFileSync(new URL('../src/identifiers.ts', import.meta.url), 'utf8')
    expect(source).not.toMatch(/^import\b/m)
  })
})

/**
 * Chinese identifier checks shared by server and web: 统一社会信用代码 (GB 32100-2015), 公民身份号码 (GB 11643-1999)
 * and mainland mobile numbers. Pure functions; see docs DOMAIN.md §6 for the algorithms.
 */
// ---------------------------------------------------------------------------------------------------------------
// 统一社会信用代码 (USCC), GB 32100-2015

/** The 31 USCC symbols; I, O, S, V and Z are left out to avoid confusion with 1, 0, 5, U and 2. */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
/** Weight of position i (0-based) is 3^i mod 31. */
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
/** Authority and category from the charset, 6-digit division, 10 charset symbols (subject ID + check). */
export const USCC_FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/
const USCC_BODY_FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}$/

export type UsccValidation =
  | { ok: true; registrationAuthority: string; category: string; divisionCode: string; organizationCode: string }
  | { ok: false; reason: 'format' | 'checksum' }

/** Computes the 18th (check) character for the first 17 characters of a USCC; throws on a malformed body. */
export function usccCheckChar(first17: string): string {
  if (!USCC_BODY_FORMAT.test(first17)) throw new TypeError(`not a 17-character USCC body: ${first17}`)
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!
}

/**
 * Validates an 18-character USCC (upper case, no spaces) and splits it into its parts.
 * Only the 18th-character checksum is enforced; the inner GB 11714 check is informational (isValidOrganizationCode).
 */
export function validateUscc(code: string): UsccValidation {
  if (!USCC_FORMAT.test(code)) return { ok: false, reason: 'format' }
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, reason: 'checksum' }
  return {
    ok: true,
    registrationAuthority: code.slice(0, 1),
    category: code.slice(1, 2),
    divisionCode: code.slice(2, 8),
    organizationCode: code.slice(8, 17),
  }
}

/** True when `code` is a well-formed USCC with a correct check character. */
export function isValidUscc(code: string): boolean {
  return validateUscc(code).ok
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

/**
 * GB 11714 check on a 9-character 组织机构代码 (USCC positions 9–17). Informational only: some issued USCCs fail it,
 * so callers may show a warning but must not reject on it.
 */
export function isValidOrganizationCode(code9: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code9)) return false
  let sum = 0
  for (let i = 0; i < 8; i++) sum += Number.parseInt(code9[i]!, 36) * ORG_CODE_WEIGHTS[i]!
  const check = 11 - (sum % 11)
  const expected = check === 10 ? 'X' : check === 11 ? '0' : String(check)
  return code9[8] === expected
}

// ---------------------------------------------------------------------------------------------------------------
// 公民身份号码 (resident ID number), GB 11643-1999

/** ISO 7064 MOD 11-2 weights 2^(17-i) mod 11 for positions 1–17. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK_CHARS = '10X98765432'
/** 6-digit address code (first digit non-zero), 8-digit birth date, 3-digit sequence, check digit or X. */
export const ID_NUMBER_FORMAT = /^[1-9]\d{16}[\dXx]$/
const EARLIEST_BIRTH_DATE = '1900-01-01'

export type IdNumberValidation =
  | { ok: true; regionCode: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; reason: 'format' | 'birthdate' | 'checksum' }

/** Computes the 18th (check) character for the first 17 digits of an ID number; throws on a malformed body. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new TypeError(`not a 17-digit ID number body: ${first17}`)
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!
  return ID_CHECK_CHARS[sum % 11]!
}

// Birth dates are civil dates in China, so "today" is taken in Beijing time (UTC+8, no DST), not the server's zone.
function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}

/**
 * Validates an 18-character ID number (a lower-case x check character is accepted as X).
 * The address code is not checked against current divisions: withdrawn codes stay valid in old IDs.
 * The 15-digit legacy form (GB 11643-1989) is rejected as `format`.
 */
export function validateIdNumber(id: string, today: Date = new Date()): IdNumberValidation {
  if (!ID_NUMBER_FORMAT.test(id)) return { ok: false, reason: 'format' }
  const year = Number(id.slice(6, 10))
  const month = Number(id.slice(10, 12))
  const day = Number(id.slice(12, 14))
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
  if (!isCalendarDate(year, month, day) || birthDate < EARLIEST_BIRTH_DATE || birthDate > beijingDate(today)) {
    return { ok: false, reason: 'birthdate' }
  }
  if (idCheckChar(id.slice(0, 17)) !== id[17]!.toUpperCase()) return { ok: false, reason: 'checksum' }
  return {
    ok: true,
    regionCode: id.slice(0, 6),
    birthDate,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  }
}

/** True when `id` is a valid 18-character ID number (format, birth date and check character). */
export function isValidIdNumber(id: string, today?: Date): boolean {
  return validateIdNumber(id, today).ok
}

/** Masks an ID number for display and logs: `370612199001011234` → `3706**********1234`. */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length)
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4).toUpperCase()
}

// ---------------------------------------------------------------------------------------------------------------
// Mainland mobile numbers

/** 11 digits starting 13–19 (all current mainland mobile prefixes). No +86, spaces or dashes. */
export const CN_MOBILE = /^1[3-9]\d{9}$/

/** True when `phone` is an 11-digit mainland mobile number. */
export function isCnMobile(phone: string): boolean {
  return CN_MOBILE.test(phone)
}

/** Masks a mobile number for display: `13812345678` → `138****5678`. */
export function maskMobile(phone: string): string {
  if (phone.length < 8) return '*'.repeat(phone.length)
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4)
}

/** A mainland landline with area code: 0535-4232102, 05354232102, 010-12345678, optionally -ext. */
export const CN_LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/

/** True for an 11-digit mobile or a landline with area code. */
export function isCnPhone(phone: string): boolean {
  return isCnMobile(phone) || CN_LANDLINE.test(phone)
}

/**
 * Personal data out of text that Open311 publishes: mobile and landline numbers, resident ID numbers (18 digits
 * with a valid GB 11643 check digit, or 15 digits), e-mail addresses, the caller's own name, and exact house /
 * room numbers in addresses. Chinese text has no word breaks, so patterns use digit boundaries, not \b.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** True for an 18-character resident ID number whose check character is right (GB 11643-1999). */
export function isResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0)
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase()
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g
// Digits not glued to other digits (so parts of longer numbers are not half-masked).
const ID18 = /(?<!\d)\d{17}[\dXx](?![\dA-Za-z])/g
const ID15 = /(?<!\d)\d{15}(?!\d)/g
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g
const LANDLINE = /(?<!\d)(?:\(?0\d{2,3}\)?[-\s]?)?[2-9]\d{6,7}(?:-\d{1,6})?(?!\d)/g
const INTL = /\+\d{1,3}[-\s]?\d(?:[-\s]?\d){6,13}/g
// 88号 3号楼 2单元 501室: keep the road, drop the numbers that point to one door.
const HOUSE = /\d+\s*(?:号楼|号院|单元|号|室|户|栋|幢|层|楼)/g

/** Replaces personal data in text with ＊ markers; `names` are the caller's names to hide as well. */
export function redactPersonalData(text: string, names: string[] = []): string {
  let out = text
    .replace(EMAIL, '[邮箱已隐去]')
    .replace(ID18, (m) => (isResidentId(m) ? '[证件号已隐去]' : m))
    .replace(ID15, '[证件号已隐去]')
    .replace(INTL, '[电话已隐去]')
    .replace(MOBILE, '[电话已隐去]')
    .replace(LANDLINE, '[电话已隐去]')
    .replace(HOUSE, '＊')
  for (const name of names) {
    const n = name.trim()
    if ([...n].length >= 2 && n !== '匿名') out = out.split(n).join('＊＊')
  }
  // A surname with an honorific ("王先生", "李女士") names the caller too.
  return out.replace(/[\p{Script=Han}](先生|女士|小姐)/gu, '＊$1')
}

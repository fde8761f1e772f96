import fs from 'node:fs'
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2'
import { weakPassword } from './errors.ts'

// OWASP-recommended argon2id parameters (m=19 MiB, t=2, p=1): ~20 ms per hash here.
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 }
export const hashPassword = (pw: string) => argonHash(pw, ARGON)
const DUMMY_HASH = hashPassword('dummy-password-for-timing-0')

/** Verifies a password; with no hash (unknown or throttled account) it verifies a dummy, so timing tells nothing. */
export async function verifyPassword(hash: string | null, pw: string): Promise<boolean> {
  const ok = await argonVerify(hash ?? (await DUMMY_HASH), pw).catch(() => false)
  return hash !== null && ok
}

const BLOCKLIST = new Set(
  fs
    .readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l && !l.startsWith('#')),
)
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '3': 'e', $: 's', '5': 's', '7': 't' }

/** True when the password is a common one, or a common word padded with digits and symbols (Password1, Admin@123). */
export function isCommonPassword(pw: string): boolean {
  const lower = pw.toLowerCase()
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '')
  const unleet = lower.replace(/[@40135$7]/g, (c) => LEET[c]!)
  const unleetCore = unleet.replace(/^[^a-z]+|[^a-z]+$/g, '')
  return [lower, core, unleet, unleetCore].some((s) => BLOCKLIST.has(s))
}

export interface PasswordPolicy {
  minLength: number
}

/**
 * 等保 2.0 level 3: a minimum length, at least three of the four character classes, not a common password, not
 * containing the username, no run of four or more of one character. Throws AUTH_WEAK_PASSWORD naming the rule.
 */
export function checkPasswordStrength(pw: string, username: string | null, policy: PasswordPolicy) {
  const fail = (rule: string) => {
    throw weakPassword({ min: policy.minLength }, { rule })
  }
  if (pw.length < policy.minLength) fail('length')
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length
  if (classes < 3) fail('classes')
  if (/(.)\1{3,}/u.test(pw)) fail('repeated')
  if (username && username.length >= 3 && pw.toLowerCase().includes(username.toLowerCase())) fail('username')
  if (isCommonPassword(pw)) fail('common')
}

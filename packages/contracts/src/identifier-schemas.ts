/**
 * The zod schemas of the Chinese identifiers; the checks themselves live in identifiers.ts, which stays free of zod
 * so the public pages can use them without loading it.
 */
import { z } from 'zod'
import {
  ID_NUMBER_FORMAT,
  isCnMobile,
  isValidIdNumber,
  isValidUscc,
  USCC_FORMAT,
  validateIdNumber,
} from './identifiers.ts'

/** A USCC: format first, then the check character, each with its own message. */
export const UsccSchema = z
  .string()
  .refine((s) => USCC_FORMAT.test(s), {
    error: 'Unified social credit code must be 18 upper-case characters (digits and letters except I, O, S, V, Z)',
    abort: true,
  })
  .refine(isValidUscc, { error: 'Unified social credit code check character is wrong' })

/** An 18-character resident ID number with a real, past birth date and a correct check character. */
export const IdNumberSchema = z
  .string()
  .refine((s) => ID_NUMBER_FORMAT.test(s), {
    error: 'ID number must be 17 digits followed by a digit or X',
    abort: true,
  })
  .refine(
    (s) => {
      const r = validateIdNumber(s)
      return r.ok || r.reason !== 'birthdate'
    },
    {
      error: 'ID number birth date is impossible, in the future or before 1900',
      abort: true,
    },
  )
  .refine((s) => isValidIdNumber(s), { error: 'ID number check character is wrong' })

/** An 11-digit mainland mobile number. */
export const MobileSchema = z
  .string()
  .refine(isCnMobile, { error: 'Mobile number must be 11 digits starting with 13–19' })

import {
  type AppError,
  conflict,
  inputInvalidCharacters,
  inputTooLong,
  referenceInvalid,
  validationFailed,
} from '../errors.ts'

/**
 * The safety net under the services' own checks: PostgreSQL refusals that mean the input was bad (or lost a race)
 * become coded 4xx instead of a 500. Services should check first and answer with their own codes; reaching this
 * means a check is missing, so the handler still logs it. Constraint and table names are never sent.
 */
export function appErrorOfPg(err: unknown): AppError | null {
  if (!err || typeof err !== 'object') return null
  const e = err as { code?: unknown; detail?: unknown; severity?: unknown; routine?: unknown }
  // Only errors raised by the server (pg's DatabaseError carries severity and routine); not Node's own codes.
  if (typeof e.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code) || typeof e.severity !== 'string') return null
  const detail = typeof e.detail === 'string' ? e.detail : ''
  switch (e.code) {
    case '23505': // unique_violation: someone else created the same thing first
      return conflict(undefined, { reason: 'duplicate' })
    case '23503': // foreign_key_violation
      // Deleting or re-keying a row still referenced is a conflict; pointing at a row that is not there is bad input.
      return /still referenced/.test(detail) ? conflict(undefined, { reason: 'referenced' }) : referenceInvalid()
    case '23502': // not_null_violation
    case '23514': // check_violation
    case '22P02': // invalid_text_representation (e.g. 'abc'::uuid)
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22023': // invalid_parameter_value
      return validationFailed(undefined, { sqlstate: e.code, issues: [] })
    case '22001': // string_data_right_truncation
    case '22003': // numeric_value_out_of_range
      return inputTooLong(undefined, { sqlstate: e.code })
    case '22021': // character_not_in_repertoire: NUL or invalid byte sequence
    case '22P05': // untranslatable_character: \u0000 in jsonb
      return inputInvalidCharacters(undefined, { reason: 'nul' })
    case '55P03': // lock_not_available
      return conflict(undefined, { reason: 'locked' })
    default:
      return null
  }
}

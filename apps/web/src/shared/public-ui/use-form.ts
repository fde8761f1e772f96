import { type FormEvent, useCallback, useRef, useState } from 'react'
import { fieldIssues } from '../error-messages'

/** A field's check: the message to show, or nothing when the value is fine. */
export type Rule<V, K extends keyof V> = (value: V[K], values: V) => string | undefined
export type Rules<V> = { [K in keyof V]?: Rule<V, K> }
export type Errors<V> = Partial<Record<keyof V, string>>

/**
 * Form state for the light public forms: values, the checks of each field and their messages. Submitting checks
 * every field, shows all messages and moves the focus to the first wrong field (in the order of `initial`); after a
 * first attempt, a field is checked again as it changes. The server's own field messages (VALIDATION_FAILED
 * `details.issues`) land on the same fields. A field's control has the id `<idPrefix><name>`.
 */
export function useForm<V extends object>(initial: V, rules: Rules<V>, idPrefix = '') {
  const [values, setValues] = useState<V>(initial)
  const [errors, setErrors] = useState<Errors<V>>({})
  const current = useRef(initial)
  const tried = useRef(false)
  const rulesRef = useRef(rules)
  rulesRef.current = rules
  const names = Object.keys(initial) as (keyof V)[]

  const check = useCallback((all: V, name: keyof V): string | undefined => {
    const rule = rulesRef.current[name] as Rule<V, keyof V> | undefined
    return rule?.(all[name], all)
  }, [])

  const focus = useCallback(
    (name: keyof V) => {
      const el = document.getElementById(`${idPrefix}${String(name)}`)
      el?.scrollIntoView?.({ block: 'center' })
      el?.focus({ preventScroll: true })
    },
    [idPrefix],
  )

  /**
   * Sets one value; after a first submit, re-checks that field and any field showing a message. `check: false`
   * leaves the messages as they are (a value the page sets itself, such as a password cleared after a failed
   * sign-in).
   */
  const set = <K extends keyof V>(name: K, value: V[K], { check: recheck = true } = {}) => {
    // A ref, so two changes in one event (a picker that also fills another field) both stay.
    const next = { ...current.current, [name]: value }
    current.current = next
    setValues(next)
    setErrors((old) => {
      if (!recheck) return old
      if (!tried.current) return old[name] ? { ...old, [name]: undefined } : old
      const out: Errors<V> = { ...old, [name]: check(next, name) }
      for (const other of Object.keys(old) as (keyof V)[])
        if (other !== name && old[other]) out[other] = check(next, other)
      return out
    })
  }

  /** The submit handler: checks everything, then calls `onValid` with the values or focuses the first wrong field. */
  const handleSubmit = (onValid: (values: V) => void) => (e: FormEvent) => {
    e.preventDefault()
    tried.current = true
    const found: Errors<V> = {}
    for (const name of names) {
      const message = check(current.current, name)
      if (message) found[name] = message
    }
    setErrors(found)
    const first = names.find((n) => found[n])
    if (first !== undefined) focus(first)
    else onValid(current.current)
  }

  /** Puts the server's per-field messages on the fields; true when at least one field got one. */
  const setServerErrors = (err: unknown): boolean => {
    const byField = fieldIssues(err, new Set(names.map(String)))
    if (byField.size === 0) return false
    const found: Errors<V> = {}
    for (const { name, errors: messages } of byField.values()) {
      const head = String(name[0]) as keyof V
      found[head] = [found[head], ...messages].filter(Boolean).join('；')
    }
    setErrors((old) => ({ ...old, ...found }))
    const first = names.find((n) => found[n])
    if (first !== undefined) focus(first)
    return true
  }

  const reset = () => {
    tried.current = false
    current.current = initial
    setValues(initial)
    setErrors({})
  }

  return {
    values,
    errors,
    set,
    handleSubmit,
    setServerErrors,
    reset,
    id: (name: keyof V) => `${idPrefix}${String(name)}`,
  }
}

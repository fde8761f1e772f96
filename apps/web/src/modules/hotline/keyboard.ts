import { type KeyboardEvent, useEffect, useRef } from 'react'

const FOCUSABLE = [
  'input:not([type=hidden]):not([disabled])',
  'textarea:not([disabled])',
  'button[role=switch]:not([disabled])',
  '[role=radio][tabindex="0"]',
].join(',')

/**
 * Enter moves to the next field of the form, in tab order (the operator keeps both hands on the keyboard while on
 * the phone). Left alone: Enter in a text area (new line), in an open drop-down (picks the option), and with a
 * modifier key (the submit shortcut).
 */
export function enterMovesFocus(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return
  if (event.nativeEvent.isComposing) return // the IME is confirming a word, not the field
  const target = event.target as HTMLElement
  if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return
  if (target.getAttribute('aria-expanded') === 'true') return
  const fields = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.offsetParent !== null && !el.closest('[data-enter-skip]'),
  )
  const at = fields.findIndex((el) => el === target || el.contains(target))
  if (at < 0) return
  event.preventDefault()
  fields[at + 1]?.focus()
}

/** Calls `handler` on Ctrl+Enter (⌘+Enter on a Mac) anywhere on the page while mounted. */
export function useSubmitShortcut(handler: () => void): void {
  const ref = useRef(handler)
  ref.current = handler
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing) {
        event.preventDefault()
        ref.current()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

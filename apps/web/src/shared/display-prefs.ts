import { useSyncExternalStore } from 'react'

/**
 * The 适老化 display settings of the public pages (GB/T 37668, MIIT 适老化 guidelines), kept in localStorage so a
 * villager who turned on 长辈版 once finds it on at the next visit. 长辈版 is a preset: it turns large text and high
 * contrast on too, and adds larger touch targets and a simpler layout; turning either of those off leaves it.
 */
export interface DisplayPrefs {
  elder: boolean
  largeText: boolean
  highContrast: boolean
}
export type DisplayPref = keyof DisplayPrefs

const STORAGE_KEY = 'ruyu.display'
const OFF: DisplayPrefs = { elder: false, largeText: false, highContrast: false }

function read(): DisplayPrefs {
  try {
    const raw = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<DisplayPrefs> | null
    if (!raw || typeof raw !== 'object') return OFF
    return { elder: raw.elder === true, largeText: raw.largeText === true, highContrast: raw.highContrast === true }
  } catch {
    return OFF
  }
}

let current = read()
const listeners = new Set<() => void>()

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The settings after flipping one of them: 长辈版 sets or clears all three; the others leave 长辈版 when turned off. */
export function toggled(prefs: DisplayPrefs, key: DisplayPref): DisplayPrefs {
  const on = !prefs[key]
  if (key === 'elder') return on ? { elder: true, largeText: true, highContrast: true } : OFF
  return { ...prefs, [key]: on, elder: on ? prefs.elder : false }
}

export function setDisplayPrefs(next: DisplayPrefs): void {
  current = next
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
  } catch {
    // Private mode without storage: the setting holds for this visit only.
  }
  for (const l of listeners) l()
}

export function useDisplayPrefs(): DisplayPrefs {
  return useSyncExternalStore(subscribe, () => current)
}

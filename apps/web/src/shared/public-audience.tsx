import { createContext, type ReactNode, useContext } from 'react'

/**
 * Who reads the error. Staff see the server's message with its request id (to quote to an administrator); citizens
 * on the public pages see a plain message in their language, no ids, and a retry only where it can help.
 */
const PublicAudience = createContext(false)

/** Marks everything inside as a public page (set by the public routes). */
export function PublicErrors({ children }: { children: ReactNode }) {
  return <PublicAudience.Provider value={true}>{children}</PublicAudience.Provider>
}

/** True inside PublicErrors. */
export function usePublicAudience(): boolean {
  return useContext(PublicAudience)
}

import type { AccountKind, Capability, Role } from '@ruyu/contracts/access'
import { ApiError, http, setCsrfToken } from '../../shared/request'

/** A staff post: a role held over a division scope, optionally inside one department. */
export interface Post {
  id: string
  role: Role
  scopeDivisionCode: string
  scopeDivisionName: string
  departmentId: string | null
  departmentName: string | null
}

/** The logged-in account (GET /api/me). */
export interface Me {
  id: string
  username: string
  displayName: string
  kind: AccountKind
  roles: Role[]
  capabilities: Capability[]
  posts: Post[]
  /** The password expired or an administrator reset it: the console shows only the change-password page. */
  mustChangePassword?: boolean
}

interface SessionReply {
  user: Me
  csrfToken: string
}

/** What GET /api/meta tells the login page (demo accounts only on demo installations). */
export interface Meta {
  demo?: boolean
  /** The server may send a display-ready `roleName` or a `role` id (then the UI localises it). */
  demoAccounts?: { username: string; roleName?: string; role?: string; displayName?: string }[]
  demoPassword?: string
  passwordMinLength?: number
  [key: string]: unknown
}

export interface LoginInput {
  username: string
  password: string
}

/** Reads the session; resolves to null when nobody is logged in (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const reply = await http.get<SessionReply>('/api/me')
    setCsrfToken(reply.csrfToken)
    return reply.user
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null)
      return null
    }
    throw err
  }
}

/** Logs in; keeps the CSRF token for later calls. */
export async function login(input: LoginInput): Promise<Me> {
  const reply = await http.post<SessionReply>('/api/auth/login', input)
  setCsrfToken(reply.csrfToken)
  return reply.user
}

/** Ends the session on the server. */
export async function logout(): Promise<void> {
  await http.post<void>('/api/auth/logout')
  setCsrfToken(null)
}

export interface ChangePasswordInput {
  currentPassword: string
  newPassword: string
}

/** Changes the caller's password; the server ends the account's other sessions. */
export async function changePassword(input: ChangePasswordInput): Promise<void> {
  await http.post<void>('/api/me/password', input)
}

export function fetchMeta(): Promise<Meta> {
  return http.get<Meta>('/api/meta')
}

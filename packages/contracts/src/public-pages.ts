/**
 * The pages anyone can open without an account, served from their own small bundle (`public.html`): the server
 * picks that HTML for these paths, and the public router knows exactly these routes, so the two cannot disagree.
 */
export const PUBLIC_PAGE_PATHS = [
  '/login',
  '/register',
  '/12345',
  '/12345/track',
  '/verify/:number',
  '/certificates/keys',
] as const

const PATTERNS = PUBLIC_PAGE_PATHS.map(
  (p) => new RegExp(`^${p.replace(/:[a-z]+/gi, '[^/]+').replace(/\//g, '\\/')}\\/?$`),
)

/** Whether a URL path (no query string) is one of the public pages. */
export function isPublicPagePath(pathname: string): boolean {
  return PATTERNS.some((re) => re.test(pathname))
}

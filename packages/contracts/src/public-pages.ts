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

export type PublicPagePath = (typeof PUBLIC_PAGE_PATHS)[number]

/**
 * The source module (under apps/web) of each public page, the one its route imports lazily: the server preloads
 * that module's chunks from the build manifest in the page's HTML, so they do not wait for the entry to run.
 */
export const PUBLIC_PAGE_MODULES: Record<PublicPagePath, string> = {
  '/login': 'src/modules/auth/pages/login-page.tsx',
  '/register': 'src/modules/enterprise/pages/register-page.tsx',
  '/12345': 'src/modules/hotline/pages/public-submit-page.tsx',
  '/12345/track': 'src/modules/hotline/pages/public-track-page.tsx',
  '/verify/:number': 'src/modules/certificate/pages/verify-page.tsx',
  '/certificates/keys': 'src/modules/certificate/pages/keys-page.tsx',
}

const PATTERNS = PUBLIC_PAGE_PATHS.map(
  (p) => [p, new RegExp(`^${p.replace(/:[a-z]+/gi, '[^/]+').replace(/\//g, '\\/')}\\/?$`)] as const,
)

/** The public page a URL path (no query string) is, if any. */
export function publicPageOf(pathname: string): PublicPagePath | undefined {
  return PATTERNS.find(([, re]) => re.test(pathname))?.[0]
}

/** Whether a URL path (no query string) is one of the public pages. */
export function isPublicPagePath(pathname: string): boolean {
  return publicPageOf(pathname) !== undefined
}

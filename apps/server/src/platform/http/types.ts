import type { Actor } from '../audit.ts'
import type { Principal } from '../auth/service.ts'
import type { Platform } from '../platform.ts'
import type { Access, RouteInfo } from './access.ts'
import type { RegisteredRoute } from './input-guard.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    principal: Principal | null
    actor: Actor
  }
  interface FastifyInstance {
    platform: Platform
    routeCatalogue: RouteInfo[]
    /** Every route, /api and others (method and pattern); see input-guard.ts. */
    allRoutes: RegisteredRoute[]
  }
}

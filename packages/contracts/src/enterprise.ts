/**
 * Enterprise service cloud (政企云) contracts: enterprise profiles (画像), enterprise accounts and their verification,
 * the service catalogue by module with providers, service requests, the supply-demand board and statistics.
 * Shared by the server's route schemas and the web forms. See docs/enterprise.md.
 *
 * The schemas live in enterprise/ by topic; this file keeps `@ruyu/contracts/enterprise` the one import path.
 */
export * from './enterprise/board.ts'
export * from './enterprise/enterprises.ts'
export * from './enterprise/enums.ts'
export * from './enterprise/services.ts'

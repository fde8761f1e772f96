/** Enterprise service cloud (政企云): profiles (画像), enterprise accounts, service catalogue and requests, board. */

/**
 * Public data shapes for other modules: `EnterpriseProfile` (the profile policy matching reads) and the outbox
 * event `enterprise.profile.changed` (`PROFILE_CHANGED`, payload `{ uscc, version }`) written in the same
 * transaction as every change of profile data (create, staff edit, import, synthetic bulk load).
 */
export {
  classifyScale,
  type EnterpriseProfile,
  industryDivision,
  PROFILE_CHANGED,
  PROFILES_TOPIC,
  type ProfileChangedPayload,
  REQUEST_SUBJECT,
  scaleRowOf,
  syntheticUscc,
} from './domain.ts'
/** Enterprise routes (/api/enterprise) and the public registration route (/api/public/enterprise). */
export { enterprisePublicRoutes, enterpriseRoutes } from './routes.ts'
/**
 * Demo data (idempotent): `seedEnterpriseReference` before the demo accounts (provider org units, providers, ~25
 * services, ~300 Muping enterprises); `seedEnterpriseDemo` after them (memberships, requests, board posts).
 */
export {
  DEMO_USCC,
  DEMO_USCC_2,
  type EnterpriseSeedReport,
  PROVIDER_UNITS,
  seedEnterpriseDemo,
  seedEnterpriseReference,
} from './seed.ts'
/**
 * The enterprise service. Stable API for other modules (policy):
 * - `profile(uscc)` → EnterpriseProfile | null (any status);
 * - `profilesPage({ afterUscc, limit })` → active profiles ordered by USCC after `afterUscc` (keyset, bulk matching);
 * - `userIdsOf(uscc)` / `userIdsOfMany(usccs)` → verified member user ids (for inbox pushes);
 * - `insertSyntheticEnterprises(n, seed)` → bulk-loads n realistic enterprises (benchmarks); returns how many were new.
 */
export { createEnterpriseService, type EnterpriseDeps, type EnterpriseService } from './service.ts'

/**
 * 惠企政策 (policy push) contracts: policies, interpretations, the eligibility rule language, matches with their
 * reasons, policy Q&A and FAQs. Shared by the server's route schemas and the web forms (the rule editor validates
 * with `validateRule` as the server does). See docs/policy.md for the rule language reference and the API list.
 *
 * The schemas live in policy/ by topic; this file keeps `@ruyu/contracts/policy` the one import path.
 */
export * from './policy/enums.ts'
export * from './policy/policies.ts'
export * from './policy/questions.ts'
export * from './policy/rules.ts'

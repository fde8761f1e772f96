/**
 * Matching and push: published rules compiled against a snapshot of every active enterprise profile; new matches
 * are recorded and pushed to the enterprise's inbox with the reasons, and matches that no longer hold are
 * withdrawn with the failing conditions (issue #10 §2).
 */
import type { Rule } from '@ruyu/contracts/policy'
import { type Actor, recordAudit } from '../../platform/audit.ts'
import type { Tx } from '../../platform/db.ts'
import { checkRule, type PolicyContext, SNAPSHOT_TTL_MS } from './context.ts'
import { beijingDate, displayStatus, EVENTS, pushMessage, withdrawMessage } from './domain.ts'
import { type CompiledRule, compile, ProfileSnapshot, popcount, rowsOf } from './matcher.ts'
import { policyRepo as repo } from './repo.ts'
import { explain, failures, type MatchProfile, ruleText } from './rules.ts'

const PAGE = 5000
/** Reason given when a withdrawn match's enterprise is no longer active (deregistered, revoked). */
const NOT_ACTIVE = '企业登记状态不再为存续'
/** Above this many new matches one push goes out as a shared message instead of one per enterprise. */
const PERSONAL_PUSH_LIMIT = 500

export function createMatching(ctx: PolicyContext) {
  const { platform, enterprise, db, names } = ctx

  // --- the profile snapshot and compiled published rules -------------------------------------------------------
  let snap: ProfileSnapshot | null = null
  let snapAt = 0
  let loading: Promise<ProfileSnapshot> | null = null
  let compiledFor: ProfileSnapshot | null = null
  let stamp = ''
  let compiled: { id: string; title: string; version: number; rule: Rule; c: CompiledRule }[] = []

  /** Loads every active profile through the enterprise module's keyset pages into a columnar snapshot. */
  async function loadSnapshot(): Promise<ProfileSnapshot> {
    const s = new ProfileSnapshot(4096)
    let after: string | null = null
    for (;;) {
      const page = await enterprise.profilesPage({ afterUscc: after, limit: PAGE })
      const items = Array.isArray(page) ? page : page.items
      for (const p of items) s.upsert(p, p.status === 'active')
      if (items.length < PAGE) break
      after = items[items.length - 1]!.uscc
    }
    return s
  }

  async function snapshot(): Promise<ProfileSnapshot> {
    if (snap && Date.now() - snapAt < SNAPSHOT_TTL_MS) return snap
    if (!loading)
      loading = loadSnapshot()
        .then((s) => {
          snap = s
          snapAt = Date.now()
          return s
        })
        .finally(() => {
          loading = null
        })
    return loading
  }

  /** Published, valid policies with rules, compiled against the current snapshot (recompiled when either changes). */
  async function matchable(s: ProfileSnapshot) {
    const now = await repo.matchableStamp(db.pool)
    if (now !== stamp || compiledFor !== s) {
      const list = await repo.matchablePolicies(db.pool, beijingDate())
      const old = new Map(compiled.map((x) => [x.id, x]))
      compiled = list.map((p) => {
        const prev = old.get(p.id)
        return prev && prev.version === p.version && compiledFor === s ? prev : { ...p, c: compile(p.rule, s) }
      })
      compiledFor = s
      stamp = now
    }
    return compiled
  }

  async function usersOf(usccs: string[]): Promise<Map<string, string[]>> {
    if (enterprise.userIdsOfMany) return enterprise.userIdsOfMany(usccs)
    const out = new Map<string, string[]>()
    for (const u of usccs) out.set(u, await enterprise.userIdsOf(u))
    return out
  }

  /** Inbox pushes for new matches: one message per enterprise (with its reasons), or one shared message when many. */
  async function push(tx: Tx, policy: { id: string; title: string }, fresh: { uscc: string; reasons: string[] }[]) {
    if (!fresh.length) return
    const users = await usersOf(fresh.map((f) => f.uscc))
    if (fresh.length <= PERSONAL_PUSH_LIMIT) {
      for (const f of fresh) {
        const userIds = users.get(f.uscc) ?? []
        if (userIds.length) await platform.notifications.send(tx, { userIds, ...pushMessage(policy, f.reasons) })
      }
      return
    }
    const all = [...new Set([...users.values()].flat())]
    for (let i = 0; i < all.length; i += 5000)
      await platform.notifications.send(tx, { userIds: all.slice(i, i + 5000), ...pushMessage(policy, []) })
  }

  /**
   * Withdraws standing matches (issue #10 §2: a pushed policy the enterprise no longer satisfies) and tells each
   * enterprise why; one shared message when many. Returns how many were withdrawn now (a replay withdraws none).
   */
  async function withdraw(tx: Tx, policy: { id: string; title: string }, lost: { uscc: string; reasons: string[] }[]) {
    if (!lost.length) return 0
    const done = new Set(await repo.withdrawMatches(tx, policy.id, lost))
    const told = lost.filter((l) => done.has(l.uscc))
    if (!told.length) return 0
    const users = await usersOf(told.map((l) => l.uscc))
    if (told.length <= PERSONAL_PUSH_LIMIT) {
      for (const l of told) {
        const userIds = users.get(l.uscc) ?? []
        if (userIds.length) await platform.notifications.send(tx, { userIds, ...withdrawMessage(policy, l.reasons) })
      }
    } else {
      const all = [...new Set([...users.values()].flat())]
      for (let i = 0; i < all.length; i += 5000)
        await platform.notifications.send(tx, { userIds: all.slice(i, i + 5000), ...withdrawMessage(policy, []) })
    }
    return told.length
  }

  /**
   * Matches one policy against every active profile; records and pushes only the new matches, and withdraws the
   * standing ones that no longer match.
   */
  async function matchPolicy(tx: Tx, policyId: string) {
    const policy = await repo.findPolicy(tx, policyId)
    if (!policy?.rule || displayStatus(policy.status, policy.validTo, beijingDate()) !== 'published')
      return { matched: 0, fresh: 0 }
    const s = await snapshot()
    const rows = rowsOf(compile(policy.rule, s).matchAll())
    const existing = await repo.existingMatches(tx, policyId)
    const n = await names()
    const fresh = rows
      .filter((i) => !existing.has(s.uscc[i]!))
      .map((i) => {
        const p = s.profileAt(i)
        return { uscc: p.uscc, name: p.name, reasons: explain(policy.rule!, p, n).reasons }
      })
    const inserted = new Set<string>()
    for (let i = 0; i < fresh.length; i += 2000)
      for (const u of await repo.insertMatches(tx, policyId, fresh.slice(i, i + 2000))) inserted.add(u)
    await push(
      tx,
      policy,
      fresh.filter((f) => inserted.has(f.uscc)),
    )
    // Enterprises the (changed) rule or their profile no longer admits: withdrawn, with the failing conditions.
    const now = new Set(rows.map((i) => s.uscc[i]!))
    const lost = [...existing]
      .filter((u) => !now.has(u))
      .map((u) => {
        const i = s.rowOf.get(u)
        const gone = i === undefined || s.active[i] !== 1
        return { uscc: u, reasons: gone ? [NOT_ACTIVE] : failures(policy.rule!, s.profileAt(i), n) }
      })
    const withdrawn = await withdraw(tx, policy, lost)
    await repo.refreshMatchCount(tx, [policyId])
    return { matched: rows.length, fresh: inserted.size, withdrawn }
  }

  /** One changed profile against every published policy: new matches are recorded and pushed, once. */
  async function onProfileChanged(tx: Tx, uscc: string) {
    const profile = await enterprise.profile(uscc)
    if (!profile) return { fresh: 0 }
    const s = await snapshot()
    const row = s.upsert(profile, profile.status === 'active')
    const list = await matchable(s)
    const already = await repo.matchedPolicyIds(tx, uscc)
    const n = await names()
    const mp: MatchProfile = profile
    // Standing matches it no longer satisfies are withdrawn, with the conditions that now fail, and it is told.
    const changed: string[] = []
    for (const x of list.filter((x) => already.has(x.id) && (profile.status !== 'active' || !x.c.test(row)))) {
      const reasons = profile.status !== 'active' ? [NOT_ACTIVE] : failures(x.rule, mp, n)
      if (await withdraw(tx, x, [{ uscc, reasons }])) changed.push(x.id)
    }
    if (profile.status !== 'active') {
      await repo.refreshMatchCount(tx, changed)
      return { fresh: 0, withdrawn: changed.length }
    }
    const hits = list.filter((x) => !already.has(x.id) && x.c.test(row))
    const newly: string[] = []
    for (const h of hits) {
      const reasons = explain(h.rule, mp, n).reasons
      const inserted = await repo.insertMatches(tx, h.id, [{ uscc, name: profile.name, reasons }])
      if (inserted.length) {
        newly.push(h.id)
        await push(tx, h, [{ uscc, reasons }])
      }
    }
    await repo.refreshMatchCount(tx, [...newly, ...changed])
    return { fresh: newly.length, withdrawn: changed.length }
  }

  return {
    /** Rule editor: how many enterprises match now, with a few examples and why. */
    async preview(raw: unknown) {
      const rule = checkRule(raw)
      const s = await snapshot()
      const bits = compile(rule, s).matchAll()
      const n = await names()
      const examples = rowsOf(bits, 5).map((i) => {
        const p = s.profileAt(i)
        return { uscc: p.uscc, name: p.name, reasons: explain(rule, p, n).reasons }
      })
      let active = 0
      for (let i = 0; i < s.n; i++) active += s.active[i]!
      return { count: popcount(bits), total: active, examples, ruleText: ruleText(rule, n) }
    },

    /** Queues a full rematch of every published policy (runs in the outbox dispatcher). */
    async requestRematch(actor: Actor, requestId?: string) {
      await db.tx(async (tx) => {
        await recordAudit(tx, { actor, action: 'policy.rematch', resourceType: 'policy', requestId })
        await platform.events.enqueue(tx, EVENTS.rematchRequested, {})
      })
    },

    /** Full rematch: every published policy against every active profile; new matches are recorded and pushed. */
    async rematchAll(tx?: Tx) {
      const started = performance.now()
      snap = null // reload from the enterprise module
      const s = await snapshot()
      const list = await matchable(s)
      let matches = 0
      let fresh = 0
      const run = async (t: Tx) => {
        for (const x of list) {
          const r = await matchPolicy(t, x.id)
          matches += r.matched
          fresh += r.fresh
        }
      }
      if (tx) await run(tx)
      else await db.tx(run)
      return { policies: list.length, profiles: s.n, matches, newMatches: fresh, ms: performance.now() - started }
    },

    // --- matching internals exposed for jobs, seeds, tests and the benchmark ------------------------------------
    matchPolicy,
    onProfileChanged,
    /** The current snapshot (loaded on first use). */
    snapshot,
    /** Drops the cached snapshot (the next use reloads it). */
    invalidateSnapshot() {
      snap = null
    },
  }
}

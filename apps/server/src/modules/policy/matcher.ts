/**
 * The fast matcher. Profiles live in a columnar snapshot (profile-snapshot.ts). A rule is compiled once against a
 * snapshot into
 * - `matchAll()`: a bitset over all rows, built leaf by leaf with tight loops over the typed arrays and combined with
 *   word-wise AND / OR / NOT; leaf bitsets are memoised per snapshot version, so 2,000 policies sharing conditions
 *   (“小微企业”, “高新技术企业”, “属于牟平区”) compute each distinct condition once;
 * - `test(row)`: a closure tree for one row (re-evaluating one changed profile against every published policy).
 * Prefix conditions (industry, division) become lookup tables over the interned ids. Semantics are those of
 * rules.ts `evaluate` (checked by the property test).
 */
import type { ListField, NumericField, Rule } from '@ruyu/contracts/policy'
import type { Bitset } from './bitset.ts'
import { type Interner, ProfileSnapshot, SCALE_CODES } from './profile-snapshot.ts'
import { kindOf } from './rules.ts'

export { type Bitset, popcount, rowsOf } from './bitset.ts'
export { ProfileSnapshot } from './profile-snapshot.ts'

export interface CompiledRule {
  /** Bitset of active rows that match. */
  matchAll(): Bitset
  /** Does row i match (ignores the active flag: callers decide)? */
  test(i: number): boolean
}

type RowTest = (i: number) => boolean
interface Node {
  bits(): Bitset
  test: RowTest
}

const asList = (v: string | string[]) => (Array.isArray(v) ? v : [v])

/**
 * A prefix / membership test over an interned column whose dictionary may grow after compilation (a new industry
 * code arrives with a changed profile): the lookup table is extended lazily.
 */
function dictTest(
  dict: Interner,
  column: () => Int32Array,
  pred: (v: string) => boolean,
): { test: RowTest; lut: () => Uint8Array } {
  let lut = ProfileSnapshot.lut(dict, pred)
  const ensure = () => {
    if (lut.length < dict.values.length) {
      const next = new Uint8Array(dict.values.length)
      next.set(lut)
      for (let i = lut.length; i < next.length; i++) next[i] = pred(dict.values[i]!) ? 1 : 0
      lut = next
    }
    return lut
  }
  return {
    lut: ensure,
    test: (i) => {
      const id = column()[i]!
      if (id < 0) return false
      if (id >= lut.length) ensure()
      return lut[id] === 1
    },
  }
}

/** Compiles a (validated) rule against a snapshot. */
export function compile(rule: Rule, s: ProfileSnapshot): CompiledRule {
  const root = node(rule, s)
  return {
    matchAll() {
      const b = root.bits()
      const a = s.activeBits()
      const out = new Uint32Array(b.length)
      for (let w = 0; w < b.length; w++) out[w] = b[w]! & a[w]!
      return out
    },
    test: root.test,
  }
}

function node(rule: Rule, s: ProfileSnapshot): Node {
  const k = kindOf(rule)
  const b = (rule as Record<string, any>)[k]
  if (k === 'all' || k === 'any') {
    const kids = (b as Rule[]).map((c) => node(c, s))
    const isAll = k === 'all'
    const test: RowTest =
      kids.length === 1
        ? kids[0]!.test
        : kids.length === 2
          ? isAll
            ? (
                (a, c) => (i: number) =>
                  a(i) && c(i)
              )(kids[0]!.test, kids[1]!.test)
            : (
                (a, c) => (i: number) =>
                  a(i) || c(i)
              )(kids[0]!.test, kids[1]!.test)
          : isAll
            ? (i) => {
                for (const c of kids) if (!c.test(i)) return false
                return true
              }
            : (i) => {
                for (const c of kids) if (c.test(i)) return true
                return false
              }
    return {
      test,
      bits() {
        const out = new Uint32Array(s.words)
        out.set(kids[0]!.bits())
        for (let j = 1; j < kids.length; j++) {
          const x = kids[j]!.bits()
          let any = 0
          if (isAll)
            for (let w = 0; w < out.length; w++) {
              out[w]! &= x[w]!
              any |= out[w]!
            }
          else for (let w = 0; w < out.length; w++) out[w]! |= x[w]!
          if (isAll && any === 0) break // nothing left to narrow
        }
        return out
      },
    }
  }
  if (k === 'not') {
    const inner = node(b as Rule, s)
    return {
      test: (i) => !inner.test(i),
      bits() {
        const x = inner.bits()
        const out = new Uint32Array(x.length)
        for (let w = 0; w < x.length; w++) out[w] = ~x[w]!
        // Clear the bits past the last row.
        const tail = s.n & 31
        if (tail && out.length) out[out.length - 1]! &= (1 << tail) - 1
        return out
      },
    }
  }
  return leaf(rule, k, b, s)
}

function leaf(rule: Rule, k: string, b: any, s: ProfileSnapshot): Node {
  const key = JSON.stringify(rule)
  const memo = (test: RowTest, bulk?: () => Bitset): Node => ({
    test,
    bits: () => s.cached(key, bulk ?? (() => s.fill(test))),
  })
  switch (k) {
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const f = b.field as NumericField
      const v = b.value as number
      const test: RowTest =
        k === 'eq'
          ? (i) => s.num[f][i] === v
          : k === 'ne'
            ? (i) => s.num[f][i] !== v
            : k === 'gt'
              ? (i) => s.num[f][i]! > v
              : k === 'gte'
                ? (i) => s.num[f][i]! >= v
                : k === 'lt'
                  ? (i) => s.num[f][i]! < v
                  : (i) => s.num[f][i]! <= v
      // Bulk loop over the column with the operator hoisted out of the loop.
      const bulk = () => {
        const a = s.num[f]
        const n = s.n
        const out = new Uint32Array(s.words)
        for (let i = 0; i < n; i++) {
          const x = a[i]!
          const hit =
            k === 'gte'
              ? x >= v
              : k === 'lte'
                ? x <= v
                : k === 'gt'
                  ? x > v
                  : k === 'lt'
                    ? x < v
                    : k === 'eq'
                      ? x === v
                      : x !== v
          if (hit) out[i >>> 5]! |= 1 << (i & 31)
        }
        return out
      }
      return memo(test, bulk)
    }
    case 'between': {
      const f = b.field as NumericField
      const { min, max } = b as { min: number; max: number }
      return memo((i) => {
        const x = s.num[f][i]!
        return x >= min && x <= max
      })
    }
    case 'in': {
      const f = b.field as ListField
      const values = new Set(b.values as string[])
      if (f === 'scale') {
        const codes = new Uint8Array(256)
        for (const v of values) if (v in SCALE_CODES) codes[SCALE_CODES[v as keyof typeof SCALE_CODES]] = 1
        return memo((i) => codes[s.scale[i]!] === 1)
      }
      const t =
        f === 'industryCode'
          ? dictTest(
              s.industries,
              () => s.industry,
              (v) => values.has(v),
            )
          : f === 'divisionCode'
            ? dictTest(
                s.divisions,
                () => s.division,
                (v) => values.has(v),
              )
            : dictTest(
                s.parks,
                () => s.park,
                (v) => values.has(v),
              )
      return memo(t.test)
    }
    case 'scaleIn': {
      const codes = new Uint8Array(256)
      for (const v of b as string[]) if (v in SCALE_CODES) codes[SCALE_CODES[v as keyof typeof SCALE_CODES]] = 1
      return memo((i) => codes[s.scale[i]!] === 1)
    }
    case 'divisionWithin': {
      const prefix = b as string
      return memo(
        dictTest(
          s.divisions,
          () => s.division,
          (v) => v.startsWith(prefix),
        ).test,
      )
    }
    case 'industryPrefix': {
      const prefixes = asList(b)
      return memo(
        dictTest(
          s.industries,
          () => s.industry,
          (v) => prefixes.some((p) => v.startsWith(p)),
        ).test,
      )
    }
    case 'parkIn': {
      const parks = new Set(b as string[])
      return memo(
        dictTest(
          s.parks,
          () => s.park,
          (v) => parks.has(v),
        ).test,
      )
    }
    case 'hasTag':
    case 'hasAnyTag':
    case 'hasAllTags': {
      const wanted = k === 'hasTag' ? [b as string] : (b as string[])
      const all = k === 'hasAllTags'
      // The tag ids are resolved lazily: a tag nobody has yet may appear with a later profile.
      let resolvedAt = -1
      let mask: Uint32Array = new Uint32Array(0)
      let missing = false
      const resolve = () => {
        if (resolvedAt === s.tagDict.values.length && mask.length === s.W) return
        resolvedAt = s.tagDict.values.length
        mask = new Uint32Array(s.W)
        missing = false
        for (const t of wanted) {
          const id = s.tagDict.ids.get(t)
          if (id === undefined) missing = true
          else mask[id >>> 5]! |= 1 << (id & 31)
        }
      }
      const test: RowTest = (i) => {
        resolve()
        if (all && missing) return false
        const base = i * s.W
        if (all) {
          for (let w = 0; w < mask.length; w++) if ((s.tags[base + w]! & mask[w]!) !== mask[w]) return false
          return true
        }
        for (let w = 0; w < mask.length; w++) if ((s.tags[base + w]! & mask[w]!) !== 0) return true
        return false
      }
      const bulk = () => {
        resolve()
        const out = new Uint32Array(s.words)
        if (all && missing) return out
        const W = s.W
        const tags = s.tags
        if (W === 1) {
          const m = mask[0]!
          for (let i = 0; i < s.n; i++) {
            const x = tags[i]! & m
            if (all ? x === m : x !== 0) out[i >>> 5]! |= 1 << (i & 31)
          }
          return out
        }
        for (let i = 0; i < s.n; i++) if (test(i)) out[i >>> 5]! |= 1 << (i & 31)
        return out
      }
      return memo(test, bulk)
    }
  }
  throw new Error(`unknown rule kind ${k}`)
}

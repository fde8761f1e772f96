/**
 * The fast matcher. Profiles live in a columnar in-memory snapshot: numbers in Float64Arrays, scale in a byte
 * column, industry / division / park as interned ids, tags as a per-row bitset over an interned tag dictionary.
 * A rule is compiled once against a snapshot into
 * - `matchAll()`: a bitset over all rows, built leaf by leaf with tight loops over the typed arrays and combined with
 *   word-wise AND / OR / NOT; leaf bitsets are memoised per snapshot version, so 2,000 policies sharing conditions
 *   (“小微企业”, “高新技术企业”, “属于牟平区”) compute each distinct condition once;
 * - `test(row)`: a closure tree for one row (re-evaluating one changed profile against every published policy).
 * Prefix conditions (industry, division) become lookup tables over the interned ids. Semantics are those of
 * rules.ts `evaluate` (checked by the property test).
 */
import type { ListField, NumericField, Rule } from '@ruyu/contracts/policy'
import { kindOf, type MatchProfile, rndRatioOf } from './rules.ts'

const SCALE_CODES = { large: 0, medium: 1, small: 2, micro: 3 } as const
const NUMERIC: readonly NumericField[] = ['employees', 'revenueWan', 'rndWan', 'rndRatio', 'ageYears']

class Interner {
  readonly ids = new Map<string, number>()
  readonly values: string[] = []
  id(s: string): number {
    let i = this.ids.get(s)
    if (i === undefined) {
      i = this.values.length
      this.ids.set(s, i)
      this.values.push(s)
    }
    return i
  }
}

export type Bitset = Uint32Array

export const popcount = (bits: Bitset) => {
  let c = 0
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w]!
    v -= (v >>> 1) & 0x55555555
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
    c += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
  }
  return c
}

/** Row indexes set in a bitset, ascending. */
export function rowsOf(bits: Bitset, limit = Number.POSITIVE_INFINITY): number[] {
  const out: number[] = []
  for (let w = 0; w < bits.length && out.length < limit; w++) {
    let v = bits[w]!
    while (v !== 0 && out.length < limit) {
      const t = v & -v
      out.push(w * 32 + 31 - Math.clz32(t))
      v ^= t
    }
  }
  return out
}

/** Columnar snapshot of enterprise profiles. Rows are appended or updated in place; `version` counts changes. */
export class ProfileSnapshot {
  n = 0
  cap: number
  version = 0
  readonly rowOf = new Map<string, number>()
  uscc: string[] = []
  name: string[] = []
  num: Record<NumericField, Float64Array>
  scale: Uint8Array
  active: Uint8Array
  industry: Int32Array
  division: Int32Array
  park: Int32Array
  readonly industries = new Interner()
  readonly divisions = new Interner()
  readonly parks = new Interner()
  readonly tagDict = new Interner()
  /** Words per row in the tag bitset (grows when the dictionary passes a multiple of 32). */
  W = 1
  tags: Uint32Array
  /** Leaf bitsets of the current version, keyed by the leaf's JSON. */
  readonly leafCache = new Map<string, Bitset>()
  private cacheVersion = 0

  constructor(capacity = 1024) {
    this.cap = Math.max(16, capacity)
    this.num = Object.fromEntries(NUMERIC.map((f) => [f, new Float64Array(this.cap)])) as Record<
      NumericField,
      Float64Array
    >
    this.scale = new Uint8Array(this.cap)
    this.active = new Uint8Array(this.cap)
    this.industry = new Int32Array(this.cap)
    this.division = new Int32Array(this.cap)
    this.park = new Int32Array(this.cap)
    this.tags = new Uint32Array(this.cap * this.W)
  }

  static of(profiles: Iterable<MatchProfile>, capacity = 1024): ProfileSnapshot {
    const s = new ProfileSnapshot(capacity)
    for (const p of profiles) s.upsert(p)
    return s
  }

  private grow(cap: number) {
    const copy = <T extends Float64Array | Uint8Array | Int32Array | Uint32Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size)
      b.set(a.subarray(0, Math.min(a.length, size)))
      return b
    }
    for (const f of NUMERIC) this.num[f] = copy(this.num[f], cap)
    this.scale = copy(this.scale, cap)
    this.active = copy(this.active, cap)
    this.industry = copy(this.industry, cap)
    this.division = copy(this.division, cap)
    this.park = copy(this.park, cap)
    this.tags = copy(this.tags, cap * this.W)
    this.cap = cap
  }

  private widenTags(W: number) {
    const next = new Uint32Array(this.cap * W)
    for (let i = 0; i < this.n; i++) for (let w = 0; w < this.W; w++) next[i * W + w] = this.tags[i * this.W + w]!
    this.tags = next
    this.W = W
  }

  /** Adds or replaces one profile; `active` false keeps the row but no rule matches it (e.g. deregistered). */
  upsert(p: MatchProfile, active = true): number {
    let i = this.rowOf.get(p.uscc)
    if (i === undefined) {
      if (this.n === this.cap) this.grow(this.cap * 2)
      i = this.n++
      this.rowOf.set(p.uscc, i)
      this.uscc[i] = p.uscc
    }
    this.name[i] = p.name
    this.num.employees[i] = p.employees ?? Number.NaN
    this.num.revenueWan[i] = p.revenueWan ?? Number.NaN
    this.num.rndWan[i] = p.rndWan ?? Number.NaN
    this.num.rndRatio[i] = rndRatioOf(p.rndWan, p.revenueWan)
    this.num.ageYears[i] = p.ageYears ?? Number.NaN
    this.scale[i] = SCALE_CODES[p.scale] ?? 255
    this.active[i] = active ? 1 : 0
    this.industry[i] = this.industries.id(p.industryCode)
    this.division[i] = this.divisions.id(p.divisionCode)
    this.park[i] = p.parkCode ? this.parks.id(p.parkCode) : -1
    const ids = p.tags.map((t) => this.tagDict.id(t))
    const W = Math.max(1, Math.ceil(this.tagDict.values.length / 32))
    if (W > this.W) this.widenTags(W)
    const base = i * this.W
    this.tags.fill(0, base, base + this.W)
    for (const t of ids) this.tags[base + (t >>> 5)]! |= 1 << (t & 31)
    this.version++
    return i
  }

  /** Words of a bitset over all rows. */
  get words() {
    return (this.n + 31) >>> 5
  }

  /** The cached bitset of a leaf for this version, computing it once. */
  cached(key: string, compute: () => Bitset): Bitset {
    if (this.cacheVersion !== this.version) {
      this.leafCache.clear()
      this.cacheVersion = this.version
    }
    let b = this.leafCache.get(key)
    if (!b) {
      b = compute()
      if (this.leafCache.size > 20_000) this.leafCache.clear()
      this.leafCache.set(key, b)
    }
    return b
  }

  activeBits(): Bitset {
    return this.cached('$active', () => this.fill((i) => this.active[i] === 1))
  }

  /** A bitset of the rows for which pred holds. */
  fill(pred: (i: number) => boolean): Bitset {
    const bits = new Uint32Array(this.words)
    for (let i = 0; i < this.n; i++) if (pred(i)) bits[i >>> 5]! |= 1 << (i & 31)
    return bits
  }

  /** A lookup table over an interned dictionary: lut[id] = 1 when pred(value). */
  static lut(dict: Interner, pred: (v: string) => boolean): Uint8Array {
    const out = new Uint8Array(dict.values.length)
    for (let i = 0; i < out.length; i++) out[i] = pred(dict.values[i]!) ? 1 : 0
    return out
  }

  /** The profile of a row as the rule language sees it (for explanations and the reference evaluator). */
  profileAt(i: number): MatchProfile {
    const tags: string[] = []
    for (let w = 0; w < this.W; w++) {
      let v = this.tags[i * this.W + w]!
      while (v !== 0) {
        const t = v & -v
        tags.push(this.tagDict.values[w * 32 + 31 - Math.clz32(t)]!)
        v ^= t
      }
    }
    const scale = (['large', 'medium', 'small', 'micro'] as const)[this.scale[i]!]!
    return {
      uscc: this.uscc[i]!,
      name: this.name[i]!,
      divisionCode: this.divisions.values[this.division[i]!]!,
      parkCode: this.park[i]! >= 0 ? this.parks.values[this.park[i]!]! : null,
      industryCode: this.industries.values[this.industry[i]!]!,
      employees: this.num.employees[i]!,
      revenueWan: this.num.revenueWan[i]!,
      rndWan: this.num.rndWan[i]!,
      ageYears: this.num.ageYears[i]!,
      tags,
      scale,
    }
  }
}

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

/**
 * The columnar in-memory snapshot of enterprise profiles the fast matcher runs on: numbers in Float64Arrays, scale
 * in a byte column, industry / division / park as interned ids, tags as a per-row bitset over an interned tag
 * dictionary. Leaf bitsets of compiled rules are memoised here per snapshot version.
 */
import type { NumericField } from '@ruyu/contracts/policy'
import type { Bitset } from './bitset.ts'
import { type MatchProfile, rndRatioOf } from './rules.ts'

export const SCALE_CODES = { large: 0, medium: 1, small: 2, micro: 3 } as const
const NUMERIC: readonly NumericField[] = ['employees', 'revenueWan', 'rndWan', 'rndRatio', 'ageYears']

export class Interner {
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

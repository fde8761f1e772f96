/** Deterministic randomness of the scenario generator: the same seed gives the same stream on every machine. */

/** sfc32: small, fast, good enough for simulation; seeded through splitmix32 so nearby seeds diverge. */
export function createRng(seed: number) {
  let s = seed >>> 0
  const split = () => {
    s = (s + 0x9e3779b9) | 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = split()
  let b = split()
  let c = split()
  let d = split()
  const next = () => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  let spare: number | null = null
  const rng = {
    next,
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    /** Standard normal (Marsaglia polar). */
    normal(): number {
      if (spare !== null) {
        const v = spare
        spare = null
        return v
      }
      for (;;) {
        const u = next() * 2 - 1
        const v = next() * 2 - 1
        const q = u * u + v * v
        if (q > 0 && q < 1) {
          const f = Math.sqrt((-2 * Math.log(q)) / q)
          spare = v * f
          return u * f
        }
      }
    },
    /** Log-normal with the given median and shape. */
    logNormal: (median: number, sigma: number) => median * Math.exp(sigma * rng.normal()),
    /** A v4-shaped UUID from the stream (deterministic ids, so events can name their order without a round trip). */
    uuid(): string {
      const h = (n: number) => n.toString(16).padStart(8, '0')
      const w = [next(), next(), next(), next()].map((x) => Math.floor(x * 4294967296))
      const s0 = h(w[0]!)
      const s1 = h(w[1]!)
      const s2 = h(w[2]!)
      const s3 = h(w[3]!)
      const variant = ((parseInt(s2[0]!, 16) & 0x3) | 0x8).toString(16)
      return `${s0}-${s1.slice(0, 4)}-4${s1.slice(5, 8)}-${variant}${s2.slice(1, 4)}-${s2.slice(4)}${s3}`
    },
  }
  return rng
}
export type Rng = ReturnType<typeof createRng>

/** Samples an index proportionally to weights (cumulative table + binary search). */
export function weightedSampler(weights: readonly number[]) {
  const cum = new Float64Array(weights.length)
  let total = 0
  for (let i = 0; i < weights.length; i++) {
    total += Math.max(0, weights[i]!)
    cum[i] = total
  }
  return (u: number) => {
    const x = u * total
    let lo = 0
    let hi = cum.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cum[mid]! > x) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

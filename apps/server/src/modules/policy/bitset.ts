/** Bitsets over snapshot rows: one bit per row, 32 rows a word. */

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

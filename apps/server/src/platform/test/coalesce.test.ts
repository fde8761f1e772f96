import { describe, expect, it } from 'vitest'
import { coalesce } from '../coalesce.ts'

describe('coalesce', () => {
  it('answers each caller with its own value; concurrent keys share loads, equal keys are loaded once', async () => {
    const loads: string[][] = []
    const get = coalesce(async (keys: string[]) => {
      loads.push(keys)
      await new Promise((r) => setTimeout(r, 5))
      return keys.map((k) => `value of ${k}`)
    })
    const keys = ['a', 'b', 'a', 'c', 'd', 'b', 'e']
    const out = await Promise.all(keys.map(get))
    expect(out).toEqual(keys.map((k) => `value of ${k}`))
    // The first key goes out alone at once; the rest queue behind it and go together, each once.
    expect(loads[0]).toEqual(['a'])
    expect(loads[1]).toEqual(['b', 'a', 'c', 'd', 'e'])
    expect(loads.length).toBe(2)
  })

  it('a failed load fails its callers only; the next load runs', async () => {
    let calls = 0
    const get = coalesce(async (keys: number[]) => {
      calls++
      if (keys.includes(13)) throw new Error('unlucky')
      return keys.map((k) => k * 2)
    })
    const first = get(1)
    const bad = get(13)
    const good = get(2)
    await expect(first).resolves.toBe(2)
    await expect(bad).rejects.toThrow('unlucky')
    await expect(good).rejects.toThrow('unlucky')
    await expect(get(4)).resolves.toBe(8)
    expect(calls).toBe(3)
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ERROR_CATALOGUE } from '../errors.ts'
import { declaredErrorCodes, loadAllErrorDefinitions, renderErrorsDoc } from '../errors-doc.ts'

const doc = () => fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../docs/errors.md'), 'utf8')

beforeAll(loadAllErrorDefinitions)

describe('docs/errors.md', () => {
  it('is the rendering of the catalogue (run `npm run docs:errors` after adding a code)', () => {
    expect(doc()).toBe(renderErrorsDoc())
    expect(ERROR_CATALOGUE.size).toBeGreaterThan(20)
  })
  it('lists every code declared anywhere in the source, whichever file declares it', () => {
    const declared = [...declaredErrorCodes().values()].flat()
    expect(declared).toContain('CALENDAR_SCHEDULE_INVALID')
    const listed = new Set([...doc().matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1]))
    expect(declared.filter((c) => !listed.has(c))).toEqual([])
    expect(declared.filter((c) => !ERROR_CATALOGUE.has(c))).toEqual([])
  })
  it('codes follow <MODULE>_<REASON> upper snake case, each declared once', () => {
    for (const code of ERROR_CATALOGUE.keys()) expect(code).toMatch(/^[A-Z]+(_[A-Z0-9]+)*$/)
    const declared = [...declaredErrorCodes().values()].flat()
    expect(declared.length).toBe(new Set(declared).size)
  })
})

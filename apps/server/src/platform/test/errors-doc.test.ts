import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import '../../app.ts'
import { ERROR_CATALOGUE } from '../errors.ts'
import { renderErrorsDoc } from '../errors-doc.ts'

describe('docs/errors.md', () => {
  it('lists every error code (run `npm run docs:errors` after adding one)', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../../docs/errors.md'), 'utf8')
    expect(doc).toBe(renderErrorsDoc())
    expect(ERROR_CATALOGUE.size).toBeGreaterThan(20)
  })
  it('codes follow <MODULE>_<REASON> upper snake case', () => {
    for (const code of ERROR_CATALOGUE.keys()) expect(code).toMatch(/^[A-Z]+(_[A-Z0-9]+)*$/)
  })
})

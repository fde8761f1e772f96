// Writes docs/errors.md from the error catalogue, after loading every source file that declares an error code.
import fs from 'node:fs'
import path from 'node:path'
import { loadAllErrorDefinitions, renderErrorsDoc } from '../apps/server/src/platform/errors-doc.ts'

await loadAllErrorDefinitions()
fs.writeFileSync(path.resolve(import.meta.dirname, '../docs/errors.md'), renderErrorsDoc())
console.log('docs/errors.md written')

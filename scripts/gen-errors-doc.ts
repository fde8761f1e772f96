// Writes docs/errors.md from the error catalogue. Loading app.ts loads every module's errors.ts.
import fs from 'node:fs'
import path from 'node:path'
import '../apps/server/src/app.ts'
import { renderErrorsDoc } from '../apps/server/src/platform/errors-doc.ts'

fs.writeFileSync(path.resolve(import.meta.dirname, '../docs/errors.md'), renderErrorsDoc())
console.log('docs/errors.md written')

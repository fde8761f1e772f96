// Sums the gzip size of the JavaScript the browser loads for one route of the built app (default /login):
// the entry chunk and its static imports, plus the route's lazy page chunk and its static imports.
// Usage: node scripts/first-page-size.mjs [page-source-path] [limit-kB]
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const here = dirname(fileURLToPath(import.meta.url))
const dist = join(here, '..', 'dist')
const page = process.argv[2] ?? 'src/modules/auth/pages/login-page.tsx'
const limitKb = Number(process.argv[3] ?? 400)
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'))

const files = new Set()
function collect(key) {
  const chunk = manifest[key]
  if (!chunk || files.has(chunk.file)) return
  files.add(chunk.file)
  for (const imported of chunk.imports ?? []) collect(imported)
}
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry)
if (!entry) throw new Error('no entry chunk in the manifest; run vite build first')
if (!manifest[page]) throw new Error(`${page} is not a chunk of this build`)
collect(entry)
collect(page)

let total = 0
for (const file of [...files].sort()) {
  const size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length
  total += size
  console.log(`${(size / 1024).toFixed(1).padStart(8)} kB  ${file}`)
}
console.log(`${(total / 1024).toFixed(1).padStart(8)} kB  total gzip JS for ${page} (limit ${limitKb} kB)`)
if (total / 1024 > limitKb) {
  console.error('over the first-page budget (UI.md)')
  process.exit(1)
}

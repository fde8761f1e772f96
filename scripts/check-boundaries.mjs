#!/usr/bin/env node
// Checks the module rules of ARCHITECTURE.md §3 / STYLE.md §3 that a type checker cannot see:
//  1. a server module imports another module only through its index.ts, and only modules above it in the order;
//  2. platform code never imports a module;
//  3. each module has the fixed file set (index.ts, routes.ts, service.ts, repo.ts);
//  4. a module's SQL names only its own tables (prefix) or the shared core_* tables;
//  5. no source file is over 400 lines, outside data/ folders (STYLE.md: split by responsibility instead).
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')
const SERVER = path.join(ROOT, 'apps/server/src')
const MODULES_DIR = path.join(SERVER, 'modules')
// Dependency order (ARCHITECTURE.md §3): a module may use only those before it.
const ORDER = [
  'directory',
  'catalog',
  'workflow',
  'rating',
  'certificate',
  'approval',
  'enterprise',
  'policy',
  'assisted-service',
  'hotline',
  'fire-filing',
  'bid-evaluation',
  'survey',
  'dashboard',
]
const REQUIRED = ['index.ts', 'routes.ts', 'service.ts', 'repo.ts']
const problems = []

function walk(dir) {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : []
  })
}

const importRe = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g
function importsOf(file) {
  const src = fs.readFileSync(file, 'utf8')
  return [...src.matchAll(importRe)].map((m) => m[1] ?? m[2]).filter((s) => s.startsWith('.'))
}
const moduleOf = (abs) => {
  const rel = path.relative(MODULES_DIR, abs)
  return rel.startsWith('..') ? null : rel.split(path.sep)[0]
}

for (const file of walk(SERVER)) {
  const from = moduleOf(file)
  for (const spec of importsOf(file)) {
    const target = path.resolve(path.dirname(file), spec)
    const to = moduleOf(target)
    if (!to) continue
    const rel = path.relative(ROOT, file)
    if (!from) {
      // Only the composition root (app.ts, seed.ts, cli) may wire modules, and only through their index.ts.
      if (rel.includes(`${path.sep}platform${path.sep}`)) problems.push(`${rel}: platform code imports module ${to}`)
      else if (path.basename(target) !== 'index.ts')
        problems.push(`${rel}: imports ${spec} instead of modules/${to}/index.ts`)
      continue
    }
    if (from === to) continue
    if (path.relative(path.join(MODULES_DIR, to), target) !== 'index.ts')
      problems.push(`${rel}: deep import ${spec} (use modules/${to}/index.ts)`)
    if (ORDER.indexOf(to) < 0 || ORDER.indexOf(to) >= ORDER.indexOf(from))
      problems.push(`${rel}: module ${from} may not depend on ${to} (order in ARCHITECTURE.md §3)`)
  }
}

// A name followed by '(' is a set-returning function (unnest, jsonb_array_elements), not a table.
const tableRe = /\b(?:from|join|into|update|table)\s+([a-z_][a-z0-9_]*)\b(?!\s*\()/gi
const SQL_WORDS = new Set([
  'unnest',
  'lateral',
  'select',
  'up',
  'set',
  'only',
  'if',
  'exists',
  'the',
  'a',
  'its',
  'this',
])
if (fs.existsSync(MODULES_DIR)) {
  for (const mod of fs.readdirSync(MODULES_DIR)) {
    const dir = path.join(MODULES_DIR, mod)
    if (!fs.statSync(dir).isDirectory()) continue
    if (!ORDER.includes(mod)) problems.push(`modules/${mod}: not in the module list of ARCHITECTURE.md §3`)
    for (const f of REQUIRED) if (!fs.existsSync(path.join(dir, f))) problems.push(`modules/${mod}: missing ${f}`)
    const prefix = `${mod.replace(/-/g, '_')}_`
    for (const file of walk(dir).filter((f) => !f.includes(`${path.sep}test${path.sep}`))) {
      const src = fs.readFileSync(file, 'utf8')
      // Only look inside template/string literals that look like SQL.
      for (const lit of src.match(/`[^`]*`/g) ?? []) {
        if (!/\b(select|insert|update|delete)\b/i.test(lit)) continue
        for (const m of lit.matchAll(tableRe)) {
          const name = m[1].toLowerCase()
          if (SQL_WORDS.has(name) || name.startsWith('core_') || name.startsWith(prefix) || name.includes('$')) continue
          problems.push(`${path.relative(ROOT, file)}: SQL touches "${name}", outside ${prefix}* and core_*`)
        }
      }
    }
  }
}

// Source files tracked or new (not node_modules, build output or data/ folders).
const MAX_LINES = 400
const SOURCE_DIRS = ['apps', 'packages', 'e2e', 'bench', 'scripts']
const SKIP = new Set(['node_modules', 'dist', 'data', '.baseline', 'artifacts', 'test-results'])
function sources(dir) {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return SKIP.has(e.name) || e.name.startsWith('.') ? [] : sources(p)
    return /\.(ts|tsx|mjs|js|css)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : []
  })
}
for (const file of SOURCE_DIRS.flatMap((d) => sources(path.join(ROOT, d)))) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').length - 1
  if (lines > MAX_LINES)
    problems.push(`${path.relative(ROOT, file)}: ${lines} lines (at most ${MAX_LINES} outside data/)`)
}

if (problems.length) {
  console.error(`Module boundary check failed (${problems.length}):\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log('module boundaries and file sizes OK')

#!/usr/bin/env node
// `npm start` builds the web app only when its sources are newer than the last build, so later starts stay fast.
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')
const WEB = path.join(ROOT, 'apps/web')
const stamp = path.join(WEB, 'dist/index.html')

function newest(p) {
  if (!fs.existsSync(p)) return 0
  const st = fs.statSync(p)
  if (!st.isDirectory()) return st.mtimeMs
  return fs
    .readdirSync(p)
    .reduce((m, f) => (f === 'node_modules' || f === 'dist' ? m : Math.max(m, newest(path.join(p, f)))), st.mtimeMs)
}

const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0
const sources = Math.max(
  newest(path.join(WEB, 'src')),
  newest(path.join(WEB, 'index.html')),
  newest(path.join(WEB, 'vite.config.ts')),
  newest(path.join(ROOT, 'packages/contracts/src')),
)
if (built >= sources) process.exit(0)
console.log('Building the web app (first start or changed sources)…')
execSync('npm run build -w apps/web', { cwd: ROOT, stdio: 'inherit' })

import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ERROR_CATALOGUE, STATUS_OF } from './errors.ts'

const SRC = path.resolve(import.meta.dirname, '..')
const DEFINE = /defineError\(\s*'([A-Z0-9_]+)'/g

/** Source files (tests aside) that declare error codes, with the codes each declares, read from the text. */
export function declaredErrorCodes(): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const rel of fs.readdirSync(SRC, { recursive: true }) as string[]) {
    if (!rel.endsWith('.ts') || rel.split(path.sep).includes('test')) continue
    const file = path.join(SRC, rel)
    const codes = [...fs.readFileSync(file, 'utf8').matchAll(DEFINE)].map((m) => m[1]!)
    if (codes.length) out.set(file, codes)
  }
  return out
}

/**
 * Loads every file that declares error codes. Loading app.ts is not enough: code reached only through the
 * platform (the calendar, document numbers) is imported as a type there, so its codes would be left out.
 */
export async function loadAllErrorDefinitions(): Promise<void> {
  for (const file of declaredErrorCodes().keys()) await import(pathToFileURL(file).href)
}

/** Renders docs/errors.md from the error catalogue (every defineError call in the loaded code). */
export function renderErrorsDoc(): string {
  const rows = [...ERROR_CATALOGUE.entries()].sort(([a], [b]) => a.localeCompare(b))
  const lines = [
    '# Error codes',
    '',
    'Generated from the `defineError` calls in `apps/server/src` by `npm run docs:errors`; a test fails when this file',
    'is stale. Every error reply has the shape `{ code, message, details?, requestId }`; `message` is zh-CN unless',
    'the request sends `Accept-Language: en`. An unexpected failure is `500 INTERNAL_ERROR` with the request id logged.',
    '',
    '| Code | HTTP | Kind | 中文 | English |',
    '|---|---|---|---|---|',
    ...rows.map(
      ([code, e]) => `| \`${code}\` | ${STATUS_OF[e.kind]} | ${e.kind} | ${e.messages.zh} | ${e.messages.en} |`,
    ),
    '',
  ]
  return lines.join('\n')
}

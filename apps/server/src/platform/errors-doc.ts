import { ERROR_CATALOGUE, STATUS_OF } from './errors.ts'

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

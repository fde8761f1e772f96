/**
 * Chinese full-text search on PostgreSQL without a Chinese parser: tokens go into a 'simple' tsvector (GIN index),
 * queries are tokenised the same way. Used by the hotline knowledge base and the supply-demand board.
 */

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })
const HAN = /\p{Script=Han}/u
const HAN_RUN = /\p{Script=Han}+/gu

/**
 * Search tokens for PostgreSQL's 'simple' configuration, which has no Chinese parser: the words ICU's segmenter
 * finds (Node's Intl.Segmenter) plus every character bigram of each run of Chinese characters, so a query matches
 * whether the segmenter split a phrase the same way or not. Single Chinese characters are left out (too common)
 * unless `singles` is set (a one-character query).
 */
export function searchTokens(text: string, opts: { singles?: boolean } = {}): string[] {
  const out = new Set<string>()
  const lower = text.toLowerCase()
  for (const s of segmenter.segment(lower)) {
    if (!s.isWordLike) continue
    const w = s.segment.replace(/[^\p{L}\p{N}]/gu, '')
    if (!w) continue
    if ([...w].length >= 2 || !HAN.test(w) || opts.singles) out.add(w)
  }
  for (const run of lower.match(HAN_RUN) ?? []) {
    const chars = [...run]
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!)
    if (opts.singles && chars.length === 1) out.add(chars[0]!)
  }
  return [...out]
}

/** The tsquery text (OR of the tokens; ts_rank orders by how many and how weighty), or null for nothing. */
export function searchQuery(q: string): string | null {
  let tokens = searchTokens(q)
  if (!tokens.length) tokens = searchTokens(q, { singles: true })
  // Tokens are letters and digits only, so none of them can carry tsquery syntax.
  return tokens.length ? tokens.join(' | ') : null
}

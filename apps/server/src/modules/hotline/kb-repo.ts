/** SQL of the knowledge base (hotline_kb_article): the answers operators read out, searched by segmented tokens. */
import type { Queryable, Tx } from '../../platform/db.ts'

export interface ArticleRow {
  id: string
  title: string
  content: string
  keywords: string[]
  categoryId: string | null
  categoryName: string | null
  active: boolean
  updatedAt: Date
  rank?: number
}
const toArticle = (r: Record<string, any>): ArticleRow => ({
  id: r.id,
  title: r.title,
  content: r.content,
  keywords: r.keywords ?? [],
  categoryId: r.category_id,
  categoryName: r.category_name ?? null,
  active: r.active,
  updatedAt: r.updated_at,
  rank: r.rank === undefined ? undefined : Number(r.rank),
})

export const hotlineKbRepo = {
  async insertArticle(
    tx: Tx,
    a: {
      title: string
      content: string
      keywords: string[]
      categoryId: string | null
      active: boolean
      createdBy: string | null
    },
    tokens: { title: string; content: string },
  ): Promise<string> {
    const { rows } = await tx.query(
      `insert into hotline_kb_article (title, content, keywords, category_id, active, created_by, search)
       values ($1,$2,$3,$4,$5,$6, setweight(to_tsvector('simple', $7), 'A') || setweight(to_tsvector('simple', $8), 'B'))
       returning id`,
      [a.title, a.content, a.keywords, a.categoryId, a.active, a.createdBy, tokens.title, tokens.content],
    )
    return rows[0].id
  },
  async updateArticle(
    tx: Tx,
    id: string,
    a: { title: string; content: string; keywords: string[]; categoryId: string | null; active: boolean },
    tokens: { title: string; content: string },
  ): Promise<boolean> {
    const r = await tx.query(
      `update hotline_kb_article set title = $2, content = $3, keywords = $4, category_id = $5, active = $6,
         search = setweight(to_tsvector('simple', $7), 'A') || setweight(to_tsvector('simple', $8), 'B'),
         updated_at = now() where id = $1`,
      [id, a.title, a.content, a.keywords, a.categoryId, a.active, tokens.title, tokens.content],
    )
    return (r.rowCount ?? 0) > 0
  },
  async article(q: Queryable, id: string): Promise<ArticleRow | null> {
    const { rows } = await q.query(
      `select a.*, c.path_name as category_name from hotline_kb_article a
       left join hotline_category c on c.id = a.category_id where a.id = $1`,
      [id],
    )
    return rows[0] ? toArticle(rows[0]) : null
  },
  /** Full-text search over the segmented tokens, best first (ts_rank); without a query: newest first. */
  async searchArticles(
    q: Queryable,
    tsquery: string | null,
    page: { limit: number; offset: number; includeInactive: boolean },
  ): Promise<{ items: ArticleRow[]; total: number }> {
    const { rows } = await q.query(
      `select a.*, c.path_name as category_name,
         ${tsquery ? `ts_rank(a.search, to_tsquery('simple', $1))` : '0'} as rank, count(*) over() as total
       from hotline_kb_article a left join hotline_category c on c.id = a.category_id
       where ($2 or a.active) ${tsquery ? `and a.search @@ to_tsquery('simple', $1)` : 'and $1::text is null'}
       order by rank desc, a.updated_at desc, a.id limit $3 offset $4`,
      [tsquery, page.includeInactive, page.limit, page.offset],
    )
    return { items: rows.map(toArticle), total: Number(rows[0]?.total ?? 0) }
  },
}

/** The knowledge base (知识库): answers operators read out on the spot (直办), searched by segmented tokens. */
import type { SaveKbArticle } from '@ruyu/contracts/hotline'
import { recordAudit } from '../../platform/audit.ts'
import type { HotlineActor } from './actor.ts'
import { fail, type HotlineContext } from './context.ts'
import { searchQuery, searchTokens } from './domain.ts'
import { articleNotFound } from './errors.ts'
import { type ArticleRow, hotlineRepo as repo } from './repo.ts'

const articleDto = (a: ArticleRow) => ({
  id: a.id,
  title: a.title,
  content: a.content,
  keywords: a.keywords,
  categoryId: a.categoryId,
  categoryName: a.categoryName,
  active: a.active,
  updatedAt: a.updatedAt.toISOString(),
})
const articleTokens = (a: { title: string; content: string; keywords: string[] }) => ({
  title: searchTokens(`${a.title} ${a.keywords.join(' ')}`).join(' '),
  content: searchTokens(a.content).join(' '),
})

export function knowledgeUseCases(c: HotlineContext) {
  const { db } = c

  async function saveArticle(w: HotlineActor, id: string | null, input: SaveKbArticle, requestId?: string) {
    if (input.categoryId && !(await repo.category(db.pool, input.categoryId)))
      throw fail([{ path: ['categoryId'], message: '诉求分类不存在' }])
    const row = {
      title: input.title,
      content: input.content,
      keywords: input.keywords ?? [],
      categoryId: input.categoryId ?? null,
      active: input.active ?? true,
    }
    const articleId = await db.tx(async (tx) => {
      let aid = id
      if (aid) {
        if (!(await repo.updateArticle(tx, aid, row, articleTokens(row)))) throw articleNotFound()
      } else aid = await repo.insertArticle(tx, { ...row, createdBy: w.userId }, articleTokens(row))
      await recordAudit(tx, {
        actor: w.actor,
        action: id ? 'hotline.kb.update' : 'hotline.kb.create',
        resourceType: 'hotline_kb_article',
        resourceId: aid,
        requestId,
        data: { title: row.title },
      })
      return aid
    })
    return articleDto((await repo.article(db.pool, articleId))!)
  }

  return {
    async searchKb(q: { q?: string; page: number; pageSize: number }, includeInactive = false) {
      const tsquery = q.q ? searchQuery(q.q) : null
      if (q.q && !tsquery) return { items: [], total: 0 }
      const r = await repo.searchArticles(db.pool, tsquery, {
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
        includeInactive,
      })
      return { total: r.total, items: r.items.map((a) => ({ ...articleDto(a), rank: a.rank ?? 0 })) }
    },
    async getArticle(id: string) {
      const a = await repo.article(db.pool, id)
      if (!a) throw articleNotFound()
      return articleDto(a)
    },
    saveArticle,
  }
}

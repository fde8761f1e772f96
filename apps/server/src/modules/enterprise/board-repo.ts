/** SQL of the supply-demand board (供需对接): enterprise_listing, enterprise_board_contact, enterprise_board_reply. */
import type { Queryable, Tx } from '../../platform/db.ts'

export interface ListingRow {
  id: string
  uscc: string
  enterpriseName: string
  kind: 'need' | 'offer'
  category: 'product' | 'service'
  title: string
  description: string
  industryCode: string
  quantity: string | null
  regionCode: string
  validUntil: string
  status: 'open' | 'closed'
  tokens: string[]
  createdAt: Date
}

const toListing = (r: Record<string, any>): ListingRow => ({
  id: r.id,
  uscc: r.uscc,
  enterpriseName: r.enterprise_name,
  kind: r.kind,
  category: r.category,
  title: r.title,
  description: r.description,
  industryCode: r.industry_code,
  quantity: r.quantity,
  regionCode: r.region_code,
  validUntil: r.valid_until,
  status: r.status,
  tokens: r.tokens,
  createdAt: r.created_at,
})

const LISTING_SELECT = `select l.*, c.name as enterprise_name from enterprise_listing l
  join enterprise_company c on c.uscc = l.uscc`

export const boardRepo = {
  async insertListing(
    tx: Tx,
    l: Omit<ListingRow, 'id' | 'enterpriseName' | 'status' | 'createdAt'> & { createdBy: string | null },
  ): Promise<string> {
    const { rows } = await tx.query(
      `insert into enterprise_listing (uscc, kind, category, title, description, industry_code, quantity,
         region_code, valid_until, tokens, created_by)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) returning id`,
      [
        l.uscc,
        l.kind,
        l.category,
        l.title,
        l.description,
        l.industryCode,
        l.quantity,
        l.regionCode,
        l.validUntil,
        l.tokens,
        l.createdBy,
      ],
    )
    return rows[0].id
  },
  async findListing(q: Queryable, id: string): Promise<ListingRow | null> {
    const { rows } = await q.query(`${LISTING_SELECT} where l.id = $1`, [id])
    return rows[0] ? toListing(rows[0]) : null
  },
  async closeListing(tx: Tx, id: string) {
    await tx.query(`update enterprise_listing set status = 'closed', updated_at = now() where id = $1`, [id])
  },
  async listListings(
    q: Queryable,
    f: {
      today: string
      kind?: string
      category?: string
      industry?: string
      tokens?: string[]
      uscc?: string
      openOnly: boolean
    },
    page: { limit: number; offset: number },
  ) {
    const { rows } = await q.query(
      `${LISTING_SELECT.replace('select l.*', 'select l.*, count(*) over() as total')}
       where ($1::text is null or l.kind = $1) and ($2::text is null or l.category = $2)
         and ($3::text is null or l.industry_code like $3 || '%')
         and ($4::text[] is null or l.tokens && $4) and ($5::text is null or l.uscc = $5)
         and (not $6 or (l.status = 'open' and l.valid_until >= $7::date))
       order by l.created_at desc, l.id limit $8 offset $9`,
      [
        f.kind ?? null,
        f.category ?? null,
        f.industry ?? null,
        f.tokens ?? null,
        f.uscc ?? null,
        f.openOnly,
        f.today,
        page.limit,
        page.offset,
      ],
    )
    return { total: Number(rows[0]?.total ?? 0), items: rows.map(toListing) }
  },
  /** Open listings of the other kind from other enterprises sharing a token or the industry section. */
  async matchCandidates(
    q: Queryable,
    f: { kind: string; excludeUscc: string; tokens: string[]; section: string; today: string },
  ) {
    const { rows } = await q.query(
      `${LISTING_SELECT} where l.kind = $1 and l.uscc <> $2 and l.status = 'open' and l.valid_until >= $5::date
         and (l.tokens && $3 or l.industry_code like $4 || '%')
       order by l.created_at desc limit 500`,
      [f.kind, f.excludeUscc, f.tokens, f.section, f.today],
    )
    return rows.map(toListing)
  },
  async insertContact(
    tx: Tx,
    c: { listingId: string; fromUscc: string; toUscc: string; fromUserId: string | null; message: string },
  ) {
    const { rows } = await tx.query(
      `insert into enterprise_board_contact (listing_id, from_uscc, to_uscc, from_user_id, message)
       values ($1,$2,$3,$4,$5) returning id`,
      [c.listingId, c.fromUscc, c.toUscc, c.fromUserId, c.message],
    )
    return rows[0].id as string
  },
  async insertReply(tx: Tx, r: { contactId: string; fromUscc: string; fromUserId: string | null; message: string }) {
    await tx.query(
      'insert into enterprise_board_reply (contact_id, from_uscc, from_user_id, message) values ($1,$2,$3,$4)',
      [r.contactId, r.fromUscc, r.fromUserId, r.message],
    )
  },
  /** Contacts an enterprise sent or received (uscc null = all, for staff). */
  async contacts(q: Queryable, f: { uscc: string | null; id?: string }, page: { limit: number; offset: number }) {
    const { rows } = await q.query(
      `select k.*, l.title as listing_title, fc.name as from_name, tc.name as to_name, count(*) over() as total,
         coalesce((select json_agg(json_build_object('fromEnterpriseName', rc.name, 'message', r.message,
           'at', r.created_at) order by r.created_at)
           from enterprise_board_reply r join enterprise_company rc on rc.uscc = r.from_uscc
           where r.contact_id = k.id), '[]') as replies
       from enterprise_board_contact k join enterprise_listing l on l.id = k.listing_id
       join enterprise_company fc on fc.uscc = k.from_uscc join enterprise_company tc on tc.uscc = k.to_uscc
       where ($1::text is null or k.from_uscc = $1 or k.to_uscc = $1) and ($2::uuid is null or k.id = $2)
       order by k.created_at desc, k.id limit $3 offset $4`,
      [f.uscc, f.id ?? null, page.limit, page.offset],
    )
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.map((r) => ({
        id: r.id as string,
        listingId: r.listing_id as string,
        listingTitle: r.listing_title as string,
        fromUscc: r.from_uscc as string,
        toUscc: r.to_uscc as string,
        fromEnterpriseName: r.from_name as string,
        toEnterpriseName: r.to_name as string,
        message: r.message as string,
        replies: (r.replies as { fromEnterpriseName: string; message: string; at: string }[]).map((x) => ({
          ...x,
          at: new Date(x.at).toISOString(),
        })),
        createdAt: r.created_at as Date,
      })),
    }
  },
  async boardCounts(q: Queryable, today: string) {
    const { rows } = await q.query(
      `select (select count(*)::int from enterprise_listing where status = 'open' and valid_until >= $1::date) as open,
         (select count(*)::int from enterprise_board_contact) as contacts`,
      [today],
    )
    return rows[0] as { open: number; contacts: number }
  },
}

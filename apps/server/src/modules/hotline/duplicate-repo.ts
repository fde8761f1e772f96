/** SQL of duplicate hints: earlier orders that look like the same matter (hotline_order, hotline_category). */
import type { OrderStatus } from '@ruyu/contracts/hotline'
import type { Queryable } from '../../platform/db.ts'

export interface DuplicateProbe {
  phone: string | null
  categoryId: string | null
  divisionCode: string | null
  address: string | null
  lat: number | null
  lng: number | null
  excludeId: string | null
  windowDays: number
  radiusMetres: number
  scopes: string[]
}
export interface DuplicateRow {
  id: string
  number: string
  status: OrderStatus
  receivedAt: string
  address: string
  categoryName: string | null
  title: string
  reasons: ('same_phone' | 'nearby' | 'same_address')[]
  distanceM: number | null
}

export const hotlineDuplicateRepo = {
  /**
   * Earlier orders that look like the same matter, for many probes in one statement (the probes of requests
   * arriving together): same phone, same address, or same category nearby within the window. Three index probes
   * each (phone, address, category + box) instead of one OR over the whole window; answers in probe order.
   */
  async duplicatesMany(q: Queryable, probes: DuplicateProbe[]) {
    if (!probes.length) return []
    const { rows } = await q.query({
      // Prepared once per connection: planning this costs several times its execution.
      name: 'hotline_duplicates_many',
      text: `select k.i, d.* from jsonb_to_recordset($1::jsonb) as k(i int, phone text, category_id uuid,
         division_code text, address text, lat float8, lng float8, window_days int, exclude_id uuid, d_lat float8,
         d_lng float8, radius float8, scopes text[])
       cross join lateral (
         select c.*, (c.in_box and c.distance <= k.radius) as nearby from (
           select o.id, o.number, o.status, o.received_at, o.address, o.title, cat.path_name as category_name,
             (o.caller_phone = k.phone) as same_phone,
             (k.lat is not null and o.lat is not null and o.category_id = k.category_id
               and o.lat between k.lat - k.d_lat and k.lat + k.d_lat
               and o.lng between k.lng - k.d_lng and k.lng + k.d_lng) as in_box,
             (o.division_code = k.division_code
               and regexp_replace(lower(o.address), '\\s', '', 'g') = k.address) as same_address,
             case when k.lat is not null and o.lat is not null then
               6371000 * 2 * asin(sqrt(power(sin(radians(o.lat - k.lat) / 2), 2)
                 + cos(radians(k.lat)) * cos(radians(o.lat)) * power(sin(radians(o.lng - k.lng) / 2), 2)))
             end as distance
           from hotline_order o left join hotline_category cat on cat.id = o.category_id
           where o.id in (
               select id from hotline_order where caller_phone = k.phone
                 and received_at >= now() - make_interval(days => k.window_days)
               union
               select id from hotline_order where division_code = k.division_code
                 and regexp_replace(lower(address), '\\s', '', 'g') = k.address
                 and received_at >= now() - make_interval(days => k.window_days)
               union
               select id from hotline_order where k.lat is not null and lat is not null and category_id = k.category_id
                 and received_at >= now() - make_interval(days => k.window_days)
                 and lat between k.lat - k.d_lat and k.lat + k.d_lat and lng between k.lng - k.d_lng and k.lng + k.d_lng)
             and o.status <> 'merged' and (k.exclude_id is null or o.id <> k.exclude_id)
             and o.division_code like any(k.scopes)
         ) c
         where c.same_phone or c.same_address or (c.in_box and c.distance <= k.radius)
         order by c.received_at desc limit 10
       ) d
       order by k.i, d.received_at desc`,
      values: [
        JSON.stringify(
          probes.map((f, i) => ({
            i,
            phone: f.phone,
            category_id: f.categoryId,
            division_code: f.divisionCode,
            address: f.address ? f.address.toLowerCase().replace(/\s/g, '') : null,
            lat: f.lat,
            lng: f.lng,
            window_days: f.windowDays,
            exclude_id: f.excludeId,
            // A bounding box first (cheap, indexable), then the haversine distance.
            d_lat: f.radiusMetres / 111_320,
            d_lng: f.lat !== null ? f.radiusMetres / (111_320 * Math.max(0.01, Math.cos((f.lat * Math.PI) / 180))) : 0,
            radius: f.radiusMetres,
            scopes: f.scopes.map((x) => `${x}%`),
          })),
        ),
      ],
    })
    const out = probes.map(() => [] as DuplicateRow[])
    for (const r of rows)
      out[r.i as number]!.push({
        id: r.id as string,
        number: r.number as string,
        status: r.status as OrderStatus,
        receivedAt: (r.received_at as Date).toISOString(),
        address: r.address as string,
        categoryName: r.category_name as string | null,
        title: r.title as string,
        reasons: [
          ...(r.same_phone ? (['same_phone'] as const) : []),
          ...(r.nearby ? (['nearby'] as const) : []),
          ...(r.same_address ? (['same_address'] as const) : []),
        ],
        distanceM: r.distance === null || r.distance === undefined ? null : Math.round(Number(r.distance)),
      })
    return out
  },
}
